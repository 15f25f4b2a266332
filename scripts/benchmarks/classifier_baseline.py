"""scikit-learn's TF-IDF with a linear SVM and with logistic regression against evscan's classifier, in
the same 5-fold cross-validation: the folds are evscan's own (stratified by code, seeded), written by
`evscan evaluate --write-folds` and read here, so every model is scored on the same held-out rows."""
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.svm import LinearSVC

data, evscan = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(data, encoding="utf-8")))
labels = np.array([row["MitigationCode"].split(" ")[0] for row in rows])
texts = np.array([row["Action Name"] + ". " + row["Action Definition"] for row in rows])

with tempfile.TemporaryDirectory() as scratch:
    fold_file = os.path.join(scratch, "folds.csv")
    ours = json.loads(subprocess.run(
        [evscan, "evaluate", "--examples", data, "--folds", "5", "--json", "--write-folds", fold_file],
        check=True, capture_output=True, text=True).stdout)
    fold_of = {row["id"]: int(row["fold"]) for row in csv.DictReader(open(fold_file, encoding="utf-8"))}
folds = np.array([fold_of[row["Mitigation_ID"]] for row in rows])


def cross_validate(make):
    """Top-1, top-3, macro-F1 and kappa of a scikit-learn classifier in evscan's folds."""
    predicted = np.empty(len(rows), dtype=object)
    top3 = np.zeros(len(rows), dtype=bool)
    for fold in range(5):
        train, test = folds != fold, folds == fold
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        model = make().fit(vectorizer.fit_transform(texts[train]), labels[train])
        scores = model.decision_function(vectorizer.transform(texts[test]))
        ranked = model.classes_[np.argsort(-scores, axis=1)]
        predicted[test] = ranked[:, 0]
        top3[test] = [truth in best[:3] for truth, best in zip(labels[test], ranked)]
    predicted = predicted.astype(str)
    return {
        "top1": round(float((predicted == labels).mean()), 3),
        "top3": round(float(top3.mean()), 3),
        "macroF1": round(float(f1_score(labels, predicted, average="macro")), 3),
        "kappa": round(float(cohen_kappa_score(labels, predicted)), 3),
    }


svm = cross_validate(LinearSVC)
logistic = cross_validate(lambda: LogisticRegression(C=10, max_iter=5000))
thesaurus = json.loads(subprocess.run(
    [evscan, "evaluate", "--test", data, "--json"], check=True, capture_output=True, text=True
).stdout)
print(json.dumps({
    "benchmark": "5-fold cross-validation on mit-coded-dev.csv, evscan's folds (seed %s)" % ours["seed"],
    "scikitLearnTfidfLinearSVC": svm,
    "scikitLearnTfidfLogisticRegression": logistic,
    "evscan": {key: ours[key] for key in ("top1", "top3", "macroF1", "kappa", "categoryAccuracy")},
    "evscanReview": {key: ours[key] for key in (
        "reviewThresholds", "flaggedForReview", "flaggedShare", "top1WhenNotFlagged", "expectedCalibrationError")},
    "evscanThesaurusOnly": thesaurus["top1"],
    "ratioEvscanToLinearSVC": round(ours["top1"] / svm["top1"], 3),
}, indent=2))
