/// British spellings mapped to the American ones, so that "organisation" and "organization" analyse alike.
/// Word-level on purpose: a suffix rule (-ise to -ize) would also turn "precise" and "otherwise" into nonsense.
public enum SpellingVariants {
  public static let britishToAmerican: [String: String] = {
    var map: [String: String] = [
      "behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral",
      "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
      "licence": "license", "licences": "licenses", "programme": "program", "programmes": "programs",
      "catalogue": "catalog", "catalogues": "catalogs", "analyse": "analyze", "analysed": "analyzed",
      "analyses": "analyzes", "analysing": "analyzing", "centre": "center", "centres": "centers",
      "judgement": "judgment", "judgements": "judgments", "labour": "labor", "favour": "favor",
      "harbour": "harbor", "harmonise": "harmonize", "modelling": "modeling", "modelled": "modeled",
      "labelling": "labeling", "labelled": "labeled", "travelling": "traveling", "signalling": "signaling",
      "cancelled": "canceled", "enrol": "enroll", "fulfil": "fulfill", "grey": "gray", "colour": "color",
      "honour": "honor", "rumour": "rumor", "neighbour": "neighbor",
    ]
    let izeStems = [
      "organi", "prioriti", "minimi", "maximi", "recogni", "authori", "standardi", "categori", "characteri",
      "summari", "speciali", "utili", "optimi", "normali", "operationali", "anonymi", "pseudonymi", "emphasi",
      "critici", "finali", "initiali", "legitimi", "memori", "mobili", "moderni", "moneti", "penali",
      "publici", "reali", "stabili", "saniti", "tokeni", "visuali", "generali", "internali", "centrali",
      "decentrali", "democrati", "digiti", "jeopardi", "scrutini", "sensiti", "incentivi", "capitali",
      "contextuali", "conceptuali", "customi", "formali", "globali", "harmoni", "hospitali", "industriali",
      "institutionali", "italici", "locali", "neutrali", "personali", "polari", "rationali", "revitali",
      "synchroni", "systemati", "weaponi",
    ]
    for stem in izeStems {
      for (british, american) in [
        ("se", "ze"), ("ses", "zes"), ("sed", "zed"), ("sing", "zing"), ("sation", "zation"),
        ("sations", "zations"), ("sational", "zational"), ("ser", "zer"), ("sers", "zers"),
      ] {
        map[stem + british] = stem + american
      }
    }
    return map
  }()
}
