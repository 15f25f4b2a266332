/// Function words that carry no meaning for coding or matching. Modal verbs such as "should" and "shall"
/// are here too: every framework says them, so they tell statements apart no better than "the".
public enum EnglishStopWords {
  public static let all: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did",
    "do", "does", "doing", "down", "during", "each", "either", "etc", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if",
    "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my",
    "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "ourselves",
    "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
    "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "thus",
    "to",
    "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without", "would", "you",
    "your", "yours", "yourself", "yourselves", "e", "g", "ie", "eg", "s",
  ]
}
