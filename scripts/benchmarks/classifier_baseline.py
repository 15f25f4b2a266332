"""scikit-learn's TF-IDF + linear SVM against evscan's classifier, in the same 5-fold cross-validation."""
import csv
import json
import subprocess
import sys
from collections import defaultdict

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

data, evscan = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(data, encoding="utf-8")))
codes = [row["MitigationCode"].split(" ")[0] for row in rows]
texts = [row["Action Name"] + ". " + row["Action Definition"] for row in rows]

# The same folds as `evscan evaluate`: within each code, rows go to folds 0..4 in file order.
folds, seen = [], defaultdict(int)
for code in codes:
    folds.append(seen[code] % 5)
    seen[code] += 1
folds, labels, texts = np.array(folds), np.array(codes), np.array(texts)

correct = 0
for fold in range(5):
    train, test = folds != fold, folds == fold
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LinearSVC().fit(vectorizer.fit_transform(texts[train]), labels[train])
    correct += int((model.predict(vectorizer.transform(texts[test])) == labels[test]).sum())
baseline = correct / len(rows)

ours = json.loads(subprocess.run(
    [evscan, "evaluate", "--examples", data, "--folds", "5", "--json"], check=True, capture_output=True, text=True
).stdout)
thesaurus = json.loads(subprocess.run(
    [evscan, "evaluate", "--test", data, "--json"], check=True, capture_output=True, text=True
).stdout)
print(json.dumps({
    "benchmark": "top-1 accuracy, 5-fold cross-validation on mit-coded-dev.csv",
    "scikitLearnTfidfLinearSVC": round(baseline, 3),
    "evscan": ours["top1"], "evscanTop3": ours["top3"], "evscanMacroF1": ours["macroF1"], "evscanKappa": ours["kappa"],
    "evscanThesaurusOnly": thesaurus["top1"],
    "ratioEvscanToBaseline": round(ours["top1"] / baseline, 3),
}, indent=2))
