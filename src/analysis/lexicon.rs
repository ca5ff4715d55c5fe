//! General English word lists the extractors look words up in: number words, months and
//! weekdays, quantity qualifiers, what a figure can measure (killed, injured, votes…), unit
//! nouns, roles and titles, place and organisation nouns, verbs of saying, travelling and
//! meeting. Nothing here names a person, place or event: these lists work for any report.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::model::Measure;

/// A function word: never a name, never a content word.
pub const STOP: u32 = 1;
/// A role noun that can stand before a name ("minister", "envoy", "chief").
pub const ROLE: u32 = 1 << 1;
/// A word that qualifies a role ("foreign", "defence", "special").
pub const ROLE_MOD: u32 = 1 << 2;
/// A title written capitalized inside a name run ("President", "Secretary").
pub const TITLE: u32 = 1 << 3;
/// A noun for a kind of place ("city", "hometown", "province").
pub const PLACE_NOUN: u32 = 1 << 4;
/// A word that marks an organisation name ("Ministry", "Party").
pub const ORG_WORD: u32 = 1 << 5;
/// A verb of saying.
pub const SPEECH: u32 = 1 << 6;
/// Auxiliaries and adverbs skipped between a figure and its verb.
pub const AUX: u32 = 1 << 7;
/// A preposition of place ("in", "near").
pub const LOC_PREP: u32 = 1 << 8;
/// A word that makes a claim future or tentative ("will", "expected").
pub const FUTURE: u32 = 1 << 9;
/// A verb of joining later ("join").
pub const JOIN: u32 = 1 << 10;
/// A verb of travelling or arriving.
pub const TRAVEL: u32 = 1 << 11;
/// A conjunction that opens a new clause after a comma.
pub const CLAUSE_CONJ: u32 = 1 << 12;
/// An irregular demonym ("French", "Dutch") that is an adjective, not a place.
pub const DEMONYM: u32 = 1 << 13;
/// A particle inside a name ("von", "de", "al").
pub const NAME_PARTICLE: u32 = 1 << 14;
/// A scale word after a number ("million", "bn").
pub const MULTIPLIER: u32 = 1 << 15;
/// "with", "alongside": introduces companions.
pub const WITH: u32 = 1 << 16;
/// An ordinal ("third").
pub const ORDINAL: u32 = 1 << 17;
/// An honorific ("Mr", "Dr").
pub const HONORIFIC: u32 = 1 << 18;
/// Marks a verb of meeting.
pub const MEET: u32 = 1 << 19;
/// A word that opens a date relative to the report's ("yesterday", "last", "next").
pub const RELATIVE_DAY: u32 = 1 << 20;
/// A word without a value of its own that can open an amount ("a dozen", "tens of", "half").
pub const AMOUNT_OPENER: u32 = 1 << 21;
/// A word a date can start with: a month, weekday, number word, unit of time, or a
/// [`RELATIVE_DAY`] word (derived from the other lists when the table is built).
pub const DATE_START: u32 = 1 << 22;
/// A word an amount can start with: a number word, a vague amount or an
/// [`AMOUNT_OPENER`] (derived from the other lists when the table is built).
pub const AMOUNT_START: u32 = 1 << 23;
/// The last word of a qualifier of two or three words ("at least", "more than", "as many as").
pub const QUALIFIER_END: u32 = 1 << 24;
/// A month or a weekday (derived from those lists when the table is built).
pub const CALENDAR: u32 = 1 << 25;
/// A word that is no name even when capitalised: a function word, month, weekday, number
/// word or vague amount (derived when the table is built).
pub const NOT_NAME: u32 = 1 << 26;

/// How a qualifier word bends the number it stands before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// "at least", "more than": the number is a lower bound.
    AtLeast,
    /// "up to", "fewer than": an upper bound.
    AtMost,
    /// "about", "some": plus or minus a tenth.
    About,
    /// "nearly", "almost": a little under.
    Nearly,
}

/// Kinds of verbs a dated event is told with; two dates are compared only for the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verb {
    /// said, told, announced
    Say,
    /// headed to, left for, flew to
    Depart,
    /// arrived, landed, reached
    Arrive,
    /// was in, were at
    Be,
    /// met, held talks
    Meet,
    /// struck, attacked, bombed
    Attack,
    /// visited
    Visit,
    /// held (a vote, talks, an event)
    Hold,
    /// scheduled, planned, due
    Schedule,
    /// travelled (without a direction)
    Travel,
    /// signed, agreed, approved
    Sign,
    /// killed, died
    Die,
    /// erupted, hit (disasters), crashed
    Happen,
    /// voted, elected, won
    Vote,
}

/// A unit noun, normalised: what a figure counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitNoun {
    /// Canonical name of the unit ("people", "children", "km", "USD").
    pub name: &'static str,
    /// Which family it belongs to.
    pub class: UnitClass,
    /// Multiply by this to reach the family's base unit (miles to km…).
    pub factor: f64,
    /// The measure the noun implies on its own ("deaths" means killed).
    pub measure: Option<Measure>,
}

/// Families of units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// People of some kind.
    People,
    /// Money in some currency.
    Money,
    /// A share.
    Percent,
    /// Length, in km.
    Distance,
    /// Time span, in days.
    Duration,
    /// Mass, in kg.
    Weight,
    /// Any other countable thing, named by its noun.
    Thing,
}

/// Everything known about one word.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    /// The flag bits above.
    pub flags: u32,
    /// Value of a number word or multiplier.
    pub number: Option<f64>,
    /// Month number, 1–12.
    pub month: Option<u32>,
    /// Weekday, 0 = Monday.
    pub weekday: Option<u32>,
    /// A qualifier the word starts.
    pub qualifier: Option<Qualifier>,
    /// A vague amount ("dozens": 24 or more).
    pub vague: Option<(f64, f64)>,
    /// The measure this verb or noun tells.
    pub measure: Option<Measure>,
    /// The unit this noun names.
    pub unit: Option<UnitNoun>,
    /// The verb kind.
    pub verb: Option<Verb>,
}

impl Lex {
    /// Whether a flag bit is set.
    #[inline]
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// Last words of the qualifiers of several words that `quantity` recognises.
const QUALIFIER_ENDS: &[&str] = &[
    "as",
    "than",
    "of",
    "least",
    "over",
    "to",
    "most",
    "under",
    "estimated",
];

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "without",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "until",
    "during",
    "despite",
    "between",
    "among",
    "through",
    "against",
    "within",
    "per",
    "via",
    "than",
    "then",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "their",
    "our",
    "my",
    "your",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "if",
    "while",
    "although",
    "though",
    "because",
    "so",
    "not",
    "no",
    "also",
    "only",
    "even",
    "both",
    "either",
    "neither",
    "each",
    "every",
    "all",
    "any",
    "some",
    "such",
    "other",
    "another",
    "more",
    "most",
    "less",
    "least",
    "many",
    "much",
    "few",
    "very",
    "just",
    "still",
    "yet",
    "already",
    "again",
    "ever",
    "never",
    "now",
    "meanwhile",
    "however",
    "moreover",
    "furthermore",
    "earlier",
    "later",
    "late",
    "early",
    "last",
    "next",
    "first",
    "recently",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "one",
    "himself",
    "herself",
    "itself",
    "themselves",
    "according",
    "amid",
    "around",
    "near",
    "across",
    "along",
    "toward",
    "towards",
    "upon",
    "whether",
    "instead",
    "including",
    "like",
    "unlike",
    "off",
    "out",
    "up",
    "down",
    "away",
    "back",
    "well",
    "too",
    "almost",
    "nearly",
    "perhaps",
    "maybe",
    "indeed",
    "thus",
    "hence",
    "therefore",
    "otherwise",
    "else",
    "whereas",
    "whilst",
    "once",
    "twice",
    "above",
    "below",
    "beyond",
    "behind",
    "beside",
    "besides",
    "inside",
    "outside",
    "throughout",
    "ago",
    "yes",
    "ok",
    "half",
    "tens",
    "mr",
    "mrs",
    "ms",
    "dr",
    "why",
    "said",
    "says",
    "say",
    "told",
];

const AUX_WORDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "reportedly",
    "already",
    "also",
    "now",
    "since",
    "so",
    "far",
    "allegedly",
    "initially",
    "later",
    "all",
    "officially",
    "confirmed",
    "reported",
    "believed",
    "feared",
    "thought",
    "said",
    "to",
    "have",
    "just",
    "still",
    "then",
    "apparently",
];

const ROLE_WORDS: &[&str] = &[
    "minister",
    "ministers",
    "envoy",
    "envoys",
    "president",
    "secretary",
    "chief",
    "staff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "adviser",
    "advisor",
    "leader",
    "head",
    "commander",
    "director",
    "official",
    "lawmaker",
    "senator",
    "governor",
    "mayor",
    "general",
    "colonel",
    "captain",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "prosecutor",
    "judge",
    "candidate",
    "premier",
    "chancellor",
    "negotiator",
    "diplomat",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "emir",
    "sultan",
    "coach",
    "founder",
    "owner",
    "representative",
    "delegate",
    "deputy",
    "aide",
    "counterpart",
    "rapporteur",
    "commissioner",
    "attorney",
    "lieutenant",
    "admiral",
    "marshal",
    "inspector",
    "superintendent",
    "sheriff",
    "councillor",
    "councilor",
    "congressman",
    "congresswoman",
    "mp",
    "mep",
    "cardinal",
    "bishop",
    "archbishop",
    "imam",
    "rabbi",
    "pastor",
    "professor",
    "researcher",
    "scientist",
    "analyst",
    "economist",
    "correspondent",
    "reporter",
    "editor",
    "chancellor",
    "treasurer",
    "manager",
    "executive",
    "officer",
    "coordinator",
    "mediator",
    "monarch",
    "tsar",
    "czar",
    "vice-president",
    "vice-chancellor",
    "vice-premier",
    "speaker",
    "whip",
    "dean",
    "rector",
    "presidents",
    "secretaries",
    "officials",
    "leaders",
    "heads",
    "chiefs",
];

const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "special",
    "deputy",
    "vice",
    "prime",
    "interior",
    "finance",
    "home",
    "justice",
    "health",
    "energy",
    "trade",
    "economy",
    "economic",
    "education",
    "transport",
    "agriculture",
    "environment",
    "culture",
    "labour",
    "labor",
    "state",
    "former",
    "acting",
    "interim",
    "senior",
    "top",
    "chief",
    "presidential",
    "national",
    "security",
    "military",
    "army",
    "police",
    "regional",
    "local",
    "provincial",
    "federal",
    "general",
    "executive",
    "assistant",
    "associate",
    "principal",
    "lead",
    "peace",
    "climate",
    "middle",
    "east",
    "of",
    "staff",
    "affairs",
    "treasury",
    "intelligence",
    "emergency",
    "civil",
    "supreme",
    "high",
    "deputy-",
    "veteran",
    "outgoing",
    "incoming",
    "newly",
    "appointed",
    "elected",
    "then",
    "ex",
    "fellow",
    "opposition",
    "ruling",
    "party",
    "government",
    "the",
];

const TITLES: &[&str] = &[
    "president",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "chief",
    "envoy",
    "ambassador",
    "general",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "emir",
    "sultan",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "judge",
    "justice",
    "representative",
    "rep",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "adm",
    "commander",
    "gen",
    "vice-president",
    "vice",
    "premier",
    "director",
    "commissioner",
    "speaker",
    "professor",
    "prof",
    "rev",
    "reverend",
    "father",
    "bishop",
    "cardinal",
    "archbishop",
    "imam",
    "rabbi",
    "chairman",
    "chairwoman",
    "deputy",
    "spokesman",
    "spokeswoman",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "special",
    "attorney",
    "crown",
    "grand",
    "supreme",
    "leader",
    "head",
    "marshal",
    "field",
    "staff",
    "home",
    "affairs",
    "secretary-general",
    "treasury",
    "health",
    "energy",
    "trade",
    "justice",
    "security",
    "national",
];

const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "sen", "rep",
    "gov", "gen", "col", "capt", "lt", "sgt", "adm", "mx", "madam", "monsieur", "madame",
];

const PLACE_NOUNS: &[&str] = &[
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "region",
    "regions",
    "province",
    "provinces",
    "state",
    "states",
    "country",
    "countries",
    "capital",
    "district",
    "districts",
    "county",
    "counties",
    "port",
    "island",
    "islands",
    "hometown",
    "border",
    "area",
    "areas",
    "suburb",
    "suburbs",
    "municipality",
    "commune",
    "oblast",
    "prefecture",
    "territory",
    "territories",
    "republic",
    "kingdom",
    "enclave",
    "neighbourhood",
    "neighborhood",
    "settlement",
    "outskirts",
    "coast",
    "peninsula",
    "valley",
    "airport",
    "base",
    "hamlet",
    "metropolis",
    "governorate",
    "canton",
    "department",
    "parish",
    "borough",
    "township",
    "emirate",
    "archipelago",
    "strait",
    "gulf",
    "sea",
    "river",
    "lake",
    "mountain",
    "mountains",
];

const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "council",
    "party",
    "union",
    "organisation",
    "organization",
    "commission",
    "committee",
    "forces",
    "force",
    "army",
    "navy",
    "bank",
    "fund",
    "court",
    "parliament",
    "congress",
    "senate",
    "house",
    "office",
    "service",
    "institute",
    "university",
    "company",
    "group",
    "news",
    "press",
    "times",
    "post",
    "corporation",
    "inc",
    "ltd",
    "association",
    "federation",
    "alliance",
    "authority",
    "administration",
    "bureau",
    "guard",
    "police",
    "cabinet",
    "assembly",
    "front",
    "movement",
    "coalition",
    "network",
    "foundation",
    "board",
    "tribunal",
    "club",
    "airlines",
    "airways",
    "air",
    "television",
    "radio",
    "channel",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "gazette",
    "daily",
    "command",
    "directorate",
    "secretariat",
    "watch",
    "international",
    "centre",
    "center",
    "hospital",
    "school",
    "college",
    "church",
    "mission",
    "program",
    "programme",
    "project",
];

const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "announces",
    "declared",
    "declares",
    "warned",
    "warns",
    "claimed",
    "claims",
    "noted",
    "notes",
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "insisted",
    "insists",
    "argued",
    "argues",
    "explained",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "urged",
    "urges",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "described",
    "describes",
    "acknowledged",
    "vowed",
    "vows",
    "promised",
    "promises",
    "pledged",
    "called",
    "calls",
    "asked",
    "replied",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "suggested",
    "believes",
    "believed",
    "sees",
    "saw",
    "thinks",
    "thought",
    "hopes",
    "hoped",
    "admitted",
    "recalled",
    "predicted",
];

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "expected",
    "due",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "set",
    "going",
    "next",
    "upcoming",
    "coming",
    "would",
    "intends",
    "intend",
    "aims",
    "poised",
    "ll",
];

const TRAVEL_WORDS: &[(&str, Verb)] = &[
    ("travel", Verb::Travel),
    ("travels", Verb::Travel),
    ("traveling", Verb::Travel),
    ("travelling", Verb::Travel),
    ("traveled", Verb::Travel),
    ("travelled", Verb::Travel),
    ("trip", Verb::Travel),
    ("arrived", Verb::Arrive),
    ("arrive", Verb::Arrive),
    ("arrives", Verb::Arrive),
    ("arriving", Verb::Arrive),
    ("landed", Verb::Arrive),
    ("lands", Verb::Arrive),
    ("reached", Verb::Arrive),
    ("headed", Verb::Depart),
    ("heads", Verb::Depart),
    ("heading", Verb::Depart),
    ("flew", Verb::Depart),
    ("flies", Verb::Depart),
    ("flying", Verb::Depart),
    ("departed", Verb::Depart),
    ("departs", Verb::Depart),
    ("left", Verb::Depart),
    ("leaves", Verb::Depart),
    ("went", Verb::Depart),
    ("visited", Verb::Visit),
    ("visiting", Verb::Visit),
    ("visits", Verb::Visit),
    ("visit", Verb::Visit),
    ("toured", Verb::Visit),
    ("accompanied", Verb::Travel),
    ("accompanying", Verb::Travel),
    ("joined", Verb::Travel),
];

const OTHER_VERBS: &[(&str, Verb)] = &[
    ("said", Verb::Say),
    ("says", Verb::Say),
    ("say", Verb::Say),
    ("told", Verb::Say),
    ("announced", Verb::Say),
    ("announces", Verb::Say),
    ("stated", Verb::Say),
    ("declared", Verb::Say),
    ("warned", Verb::Say),
    ("added", Verb::Say),
    ("confirmed", Verb::Say),
    ("met", Verb::Meet),
    ("meet", Verb::Meet),
    ("meets", Verb::Meet),
    ("meeting", Verb::Meet),
    ("talks", Verb::Meet),
    ("summit", Verb::Meet),
    ("was", Verb::Be),
    ("were", Verb::Be),
    ("is", Verb::Be),
    ("are", Verb::Be),
    ("struck", Verb::Attack),
    ("strike", Verb::Attack),
    ("strikes", Verb::Attack),
    ("attack", Verb::Attack),
    ("attacked", Verb::Attack),
    ("attacks", Verb::Attack),
    ("bombed", Verb::Attack),
    ("shelled", Verb::Attack),
    ("hit", Verb::Attack),
    ("raid", Verb::Attack),
    ("explosion", Verb::Attack),
    ("blast", Verb::Attack),
    ("held", Verb::Hold),
    ("hold", Verb::Hold),
    ("holds", Verb::Hold),
    ("hosted", Verb::Hold),
    ("scheduled", Verb::Schedule),
    ("planned", Verb::Schedule),
    ("due", Verb::Schedule),
    ("signed", Verb::Sign),
    ("agreed", Verb::Sign),
    ("approved", Verb::Sign),
    ("passed", Verb::Sign),
    ("killed", Verb::Die),
    ("died", Verb::Die),
    ("crashed", Verb::Happen),
    ("erupted", Verb::Happen),
    ("occurred", Verb::Happen),
    ("happened", Verb::Happen),
    ("collapsed", Verb::Happen),
    ("quake", Verb::Happen),
    ("earthquake", Verb::Happen),
    ("crash", Verb::Happen),
    ("fire", Verb::Happen),
    ("flood", Verb::Happen),
    ("floods", Verb::Happen),
    ("storm", Verb::Happen),
    ("voted", Verb::Vote),
    ("vote", Verb::Vote),
    ("election", Verb::Vote),
    ("elected", Verb::Vote),
    ("won", Verb::Vote),
    ("referendum", Verb::Vote),
    ("polls", Verb::Vote),
];

const MEASURE_WORDS: &[(&str, Measure)] = &[
    ("killed", Measure::Killed),
    ("kill", Measure::Killed),
    ("kills", Measure::Killed),
    ("killing", Measure::Killed),
    ("dead", Measure::Killed),
    ("died", Measure::Killed),
    ("die", Measure::Killed),
    ("dies", Measure::Killed),
    ("dying", Measure::Killed),
    ("deaths", Measure::Killed),
    ("death", Measure::Killed),
    ("fatalities", Measure::Killed),
    ("perished", Measure::Killed),
    ("toll", Measure::Killed),
    ("lives", Measure::Killed),
    ("injured", Measure::Injured),
    ("injuring", Measure::Injured),
    ("injure", Measure::Injured),
    ("injures", Measure::Injured),
    ("injuries", Measure::Injured),
    ("wounded", Measure::Injured),
    ("wounding", Measure::Injured),
    ("hurt", Measure::Injured),
    ("hospitalised", Measure::Injured),
    ("hospitalized", Measure::Injured),
    ("casualties", Measure::Casualties),
    ("missing", Measure::Missing),
    ("unaccounted", Measure::Missing),
    ("displaced", Measure::Displaced),
    ("evacuated", Measure::Displaced),
    ("evacuate", Measure::Displaced),
    ("fled", Measure::Displaced),
    ("homeless", Measure::Displaced),
    ("arrested", Measure::Arrested),
    ("detained", Measure::Arrested),
    ("arrests", Measure::Arrested),
    ("rescued", Measure::Rescued),
    ("survived", Measure::Rescued),
    ("survivors", Measure::Rescued),
    ("saved", Measure::Rescued),
    ("aboard", Measure::OnBoard),
    ("board", Measure::OnBoard),
    ("carrying", Measure::OnBoard),
    ("onboard", Measure::OnBoard),
    ("votes", Measure::Votes),
    ("vote", Measure::Votes),
    ("won", Measure::Votes),
    ("received", Measure::Votes),
    ("secured", Measure::Votes),
    ("garnered", Measure::Votes),
    ("turnout", Measure::Turnout),
    ("seats", Measure::Seats),
    ("pledged", Measure::Pledged),
    ("pledge", Measure::Pledged),
    ("pledges", Measure::Pledged),
    ("promised", Measure::Pledged),
    ("committed", Measure::Pledged),
    ("allocated", Measure::Pledged),
    ("donated", Measure::Pledged),
    ("aid", Measure::Pledged),
    ("assistance", Measure::Pledged),
    ("funding", Measure::Pledged),
    ("cost", Measure::Cost),
    ("costs", Measure::Cost),
    ("damage", Measure::Cost),
    ("damages", Measure::Cost),
    ("losses", Measure::Cost),
    ("destroyed", Measure::Destroyed),
    ("damaged", Measure::Destroyed),
    ("flattened", Measure::Destroyed),
    ("collapsed", Measure::Destroyed),
    ("fired", Measure::Fired),
    ("launched", Measure::Fired),
    ("deployed", Measure::Deployed),
    ("send", Measure::Delivered),
    ("sent", Measure::Delivered),
    ("sending", Measure::Delivered),
    ("deliver", Measure::Delivered),
    ("delivered", Measure::Delivered),
    ("delivering", Measure::Delivered),
    ("supply", Measure::Delivered),
    ("supplied", Measure::Delivered),
    ("provide", Measure::Delivered),
    ("provided", Measure::Delivered),
    ("recovered", Measure::Recovered),
    ("retrieved", Measure::Recovered),
    ("affected", Measure::Affected),
    ("protested", Measure::Attended),
    ("gathered", Measure::Attended),
    ("marched", Measure::Attended),
    ("attended", Measure::Attended),
    ("rallied", Measure::Attended),
];

const fn unit(name: &'static str, class: UnitClass, factor: f64) -> UnitNoun {
    UnitNoun {
        name,
        class,
        factor,
        measure: None,
    }
}

const fn people(name: &'static str) -> UnitNoun {
    unit(name, UnitClass::People, 1.0)
}

const fn people_measure(name: &'static str, measure: Measure) -> UnitNoun {
    UnitNoun {
        name,
        class: UnitClass::People,
        factor: 1.0,
        measure: Some(measure),
    }
}

const UNIT_WORDS: &[(&str, UnitNoun)] = &[
    ("people", people("people")),
    ("persons", people("people")),
    ("person", people("people")),
    ("individuals", people("people")),
    ("civilians", people("people")),
    ("civilian", people("people")),
    ("residents", people("people")),
    ("inhabitants", people("people")),
    ("villagers", people("people")),
    ("victims", people("people")),
    ("others", people("people")),
    ("children", people("children")),
    ("child", people("children")),
    ("kids", people("children")),
    ("minors", people("children")),
    ("infants", people("children")),
    ("babies", people("children")),
    ("girls", people("children")),
    ("girl", people("children")),
    ("boys", people("children")),
    ("boy", people("children")),
    ("teenagers", people("children")),
    ("women", people("women")),
    ("woman", people("women")),
    ("men", people("men")),
    ("man", people("men")),
    ("soldiers", people("soldiers")),
    ("soldier", people("soldiers")),
    ("troops", people("soldiers")),
    ("servicemen", people("soldiers")),
    ("fighters", people("fighters")),
    ("militants", people("fighters")),
    ("rebels", people("fighters")),
    ("police", people("police officers")),
    ("policemen", people("police officers")),
    ("officers", people("police officers")),
    ("firefighters", people("firefighters")),
    ("rescuers", people("rescuers")),
    ("workers", people("workers")),
    ("employees", people("workers")),
    ("passengers", people("passengers")),
    ("passenger", people("passengers")),
    ("crew", people("crew")),
    ("migrants", people("migrants")),
    ("refugees", people("migrants")),
    ("patients", people("patients")),
    ("students", people("students")),
    ("pupils", people("students")),
    ("tourists", people("tourists")),
    ("pilgrims", people("pilgrims")),
    ("protesters", people("protesters")),
    ("protestors", people("protesters")),
    ("demonstrators", people("protesters")),
    ("journalists", people("journalists")),
    ("prisoners", people("prisoners")),
    ("hostages", people("hostages")),
    ("detainees", people("prisoners")),
    ("voters", people("voters")),
    ("miners", people("miners")),
    ("doctors", people("medics")),
    ("nurses", people("medics")),
    ("medics", people("medics")),
    ("officials", people("officials")),
    ("members", people("members")),
    ("delegates", people("delegates")),
    ("dead", people_measure("people", Measure::Killed)),
    ("deaths", people_measure("people", Measure::Killed)),
    ("fatalities", people_measure("people", Measure::Killed)),
    ("bodies", people_measure("bodies", Measure::Recovered)),
    ("injured", people_measure("people", Measure::Injured)),
    ("wounded", people_measure("people", Measure::Injured)),
    ("injuries", people_measure("people", Measure::Injured)),
    ("casualties", people_measure("people", Measure::Casualties)),
    ("survivors", people_measure("people", Measure::Rescued)),
    ("missing", people_measure("people", Measure::Missing)),
    (
        "votes",
        UnitNoun {
            name: "votes",
            class: UnitClass::Thing,
            factor: 1.0,
            measure: Some(Measure::Votes),
        },
    ),
    (
        "seats",
        UnitNoun {
            name: "seats",
            class: UnitClass::Thing,
            factor: 1.0,
            measure: Some(Measure::Seats),
        },
    ),
    ("percent", unit("%", UnitClass::Percent, 1.0)),
    ("pc", unit("%", UnitClass::Percent, 1.0)),
    ("dollars", unit("USD", UnitClass::Money, 1.0)),
    ("dollar", unit("USD", UnitClass::Money, 1.0)),
    ("usd", unit("USD", UnitClass::Money, 1.0)),
    ("euros", unit("EUR", UnitClass::Money, 1.0)),
    ("euro", unit("EUR", UnitClass::Money, 1.0)),
    ("eur", unit("EUR", UnitClass::Money, 1.0)),
    ("pounds", unit("GBP", UnitClass::Money, 1.0)),
    ("sterling", unit("GBP", UnitClass::Money, 1.0)),
    ("gbp", unit("GBP", UnitClass::Money, 1.0)),
    ("yen", unit("JPY", UnitClass::Money, 1.0)),
    ("yuan", unit("CNY", UnitClass::Money, 1.0)),
    ("rupees", unit("INR", UnitClass::Money, 1.0)),
    ("roubles", unit("RUB", UnitClass::Money, 1.0)),
    ("rubles", unit("RUB", UnitClass::Money, 1.0)),
    ("hryvnias", unit("UAH", UnitClass::Money, 1.0)),
    ("francs", unit("CHF", UnitClass::Money, 1.0)),
    ("kilometers", unit("km", UnitClass::Distance, 1.0)),
    ("kilometres", unit("km", UnitClass::Distance, 1.0)),
    ("kilometer", unit("km", UnitClass::Distance, 1.0)),
    ("kilometre", unit("km", UnitClass::Distance, 1.0)),
    ("km", unit("km", UnitClass::Distance, 1.0)),
    ("miles", unit("km", UnitClass::Distance, 1.609_344)),
    ("mile", unit("km", UnitClass::Distance, 1.609_344)),
    ("meters", unit("km", UnitClass::Distance, 0.001)),
    ("metres", unit("km", UnitClass::Distance, 0.001)),
    ("feet", unit("km", UnitClass::Distance, 0.000_304_8)),
    ("ft", unit("km", UnitClass::Distance, 0.000_304_8)),
    ("minutes", unit("days", UnitClass::Duration, 1.0 / 1440.0)),
    ("hours", unit("days", UnitClass::Duration, 1.0 / 24.0)),
    ("hour", unit("days", UnitClass::Duration, 1.0 / 24.0)),
    ("days", unit("days", UnitClass::Duration, 1.0)),
    ("weeks", unit("days", UnitClass::Duration, 7.0)),
    ("months", unit("days", UnitClass::Duration, 30.44)),
    ("years", unit("days", UnitClass::Duration, 365.25)),
    ("tonnes", unit("kg", UnitClass::Weight, 1000.0)),
    ("tons", unit("kg", UnitClass::Weight, 1000.0)),
    ("kilograms", unit("kg", UnitClass::Weight, 1.0)),
    ("kg", unit("kg", UnitClass::Weight, 1.0)),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
];

const VAGUE_WORDS: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, f64::INFINITY),
    ("scores", 40.0, f64::INFINITY),
    ("hundreds", 200.0, f64::INFINITY),
    ("thousands", 2000.0, f64::INFINITY),
    ("millions", 2e6, f64::INFINITY),
    ("billions", 2e9, f64::INFINITY),
    ("several", 3.0, f64::INFINITY),
    ("numerous", 3.0, f64::INFINITY),
    ("few", 2.0, 5.0),
    ("handful", 2.0, 6.0),
    ("couple", 2.0, 3.0),
];

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
    ("estimated", Qualifier::About),
    ("approx", Qualifier::About),
    ("circa", Qualifier::About),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("over", Qualifier::AtLeast),
    ("above", Qualifier::AtLeast),
    ("exceeding", Qualifier::AtLeast),
    ("under", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "and",
    "but",
    "while",
    "which",
    "who",
    "whom",
    "where",
    "when",
    "as",
    "although",
    "though",
    "whereas",
    "because",
    "since",
    "after",
    "before",
    "even",
    "with",
    "so",
    "yet",
    "including",
    "emphasizing",
    "emphasising",
    "saying",
    "adding",
];

const DEMONYMS: &[&str] = &[
    "french",
    "dutch",
    "swiss",
    "thai",
    "greek",
    "british",
    "irish",
    "danish",
    "polish",
    "turkish",
    "spanish",
    "swedish",
    "finnish",
    "scottish",
    "welsh",
    "english",
    "flemish",
    "kurdish",
    "jewish",
    "czech",
    "slovak",
    "arab",
    "basque",
    "lao",
    "western",
    "eastern",
    "northern",
    "southern",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
    "european",
    "african",
    "asian",
    "latin",
    "arabic",
    "islamic",
    "catholic",
    "orthodox",
    "sunni",
    "shiite",
    "shia",
    "christian",
    "muslim",
    "soviet",
    "nazi",
    "allied",
    "democratic",
    "republican",
    "conservative",
    "liberal",
    "socialist",
    "communist",
    "federal",
    "national",
    "international",
    "royal",
    "presidential",
    "parliamentary",
    "olympic",
];

const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le",
    "al", "el", "bin", "ibn", "abu", "ben", "y", "zu", "ter", "ten",
];

const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
    "thousandth",
    "last",
    "latest",
];

const JOIN_WORDS: &[&str] = &["join", "joins", "joined", "joining", "meet", "follow"];

const WITH_WORDS: &[&str] = &["with", "alongside", "accompanied", "accompanying", "along"];

const MEET_WORDS: &[&str] = &[
    "met", "meet", "meets", "meeting", "talks", "spoke", "hosted",
];

const RELATIVE_DAY_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "this",
    "last",
    "next",
];

const AMOUNT_OPENERS: &[&str] = &["a", "an", "tens", "half"];

const LOC_PREPS: &[&str] = &[
    "in",
    "at",
    "to",
    "from",
    "near",
    "outside",
    "across",
    "into",
    "towards",
    "toward",
    "on",
    "around",
    "inside",
    "throughout",
    "via",
    "through",
];

fn build() -> FxHashMap<&'static str, Lex> {
    let mut map: FxHashMap<&'static str, Lex> = FxHashMap::default();
    let mut flag = |words: &[&'static str], bits: u32| {
        for word in words {
            map.entry(word).or_default().flags |= bits;
        }
    };
    flag(STOP_WORDS, STOP);
    flag(AUX_WORDS, AUX);
    flag(ROLE_WORDS, ROLE);
    flag(ROLE_MODIFIERS, ROLE_MOD);
    flag(TITLES, TITLE);
    flag(HONORIFICS, HONORIFIC);
    flag(PLACE_NOUNS, PLACE_NOUN);
    flag(ORG_WORDS, ORG_WORD);
    flag(SPEECH_WORDS, SPEECH);
    flag(FUTURE_WORDS, FUTURE);
    flag(CLAUSE_CONJUNCTIONS, CLAUSE_CONJ);
    flag(DEMONYMS, DEMONYM);
    flag(NAME_PARTICLES, NAME_PARTICLE);
    flag(ORDINALS, ORDINAL);
    flag(JOIN_WORDS, JOIN);
    flag(WITH_WORDS, WITH);
    flag(MEET_WORDS, MEET);
    flag(LOC_PREPS, LOC_PREP);
    flag(RELATIVE_DAY_WORDS, RELATIVE_DAY);
    flag(AMOUNT_OPENERS, AMOUNT_OPENER);
    flag(QUALIFIER_ENDS, QUALIFIER_END);
    for &(word, verb) in TRAVEL_WORDS {
        let lex = map.entry(word).or_default();
        lex.flags |= TRAVEL;
        lex.verb = Some(verb);
    }
    for &(word, verb) in OTHER_VERBS {
        map.entry(word).or_default().verb.get_or_insert(verb);
    }
    for &(word, measure) in MEASURE_WORDS {
        map.entry(word).or_default().measure = Some(measure);
    }
    for &(word, unit) in UNIT_WORDS {
        map.entry(word).or_default().unit = Some(unit);
    }
    for &(word, value) in NUMBER_WORDS {
        map.entry(word).or_default().number = Some(value);
    }
    for &(word, value) in MULTIPLIERS {
        let lex = map.entry(word).or_default();
        lex.flags |= MULTIPLIER;
        lex.number = Some(value);
    }
    for &(word, lo, hi) in VAGUE_WORDS {
        map.entry(word).or_default().vague = Some((lo, hi));
    }
    for &(word, qualifier) in QUALIFIERS {
        map.entry(word).or_default().qualifier = Some(qualifier);
    }
    for &(word, month) in MONTHS {
        map.entry(word).or_default().month = Some(month);
    }
    for &(word, weekday) in WEEKDAYS {
        map.entry(word).or_default().weekday = Some(weekday);
    }
    for lex in map.values_mut() {
        if lex.month.is_some() || lex.weekday.is_some() {
            lex.flags |= CALENDAR;
        }
        if lex.has(STOP | CALENDAR) || lex.number.is_some() || lex.vague.is_some() {
            lex.flags |= NOT_NAME;
        }
        let duration = lex.unit.is_some_and(|u| u.class == UnitClass::Duration);
        if lex.month.is_some()
            || lex.weekday.is_some()
            || lex.number.is_some()
            || duration
            || lex.has(RELATIVE_DAY)
        {
            lex.flags |= DATE_START;
        }
        if lex.number.is_some() || lex.vague.is_some() || lex.has(AMOUNT_OPENER) {
            lex.flags |= AMOUNT_START;
        }
    }
    map
}

fn table() -> &'static FxHashMap<&'static str, Lex> {
    static TABLE: OnceLock<FxHashMap<&'static str, Lex>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Looks a word up, ignoring case. Words with non-ASCII letters are in no list.
pub fn lookup(word: &str) -> Option<&'static Lex> {
    let mut buf = [0u8; 24];
    table().get(ascii_lowercase(word, &mut buf)?)
}

/// `word` in lower case, written into `buf` (no allocation); `None` when it is longer than
/// `buf` or not ASCII. For lexicon lookups; the extractors read `Doc::lower` instead.
fn ascii_lowercase<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    std::str::from_utf8(ascii_lowercase_bytes(word, buf)?).ok()
}

/// [`ascii_lowercase`] as bytes (skips re-checking that ASCII is UTF-8).
pub fn ascii_lowercase_bytes<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    if !bytes.is_ascii() {
        return None;
    }
    // No early exit inside the loop, so it compiles to a few wide operations.
    for (o, &b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// The flags of a word (0 when unknown).
pub fn flags(word: &str) -> u32 {
    lookup(word).map_or(0, |lex| lex.flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_flags_are_derived_from_the_lists() {
        for word in ["April", "monday", "yesterday", "days", "three"] {
            assert!(flags(word) & DATE_START != 0, "{word} can start a date");
        }
        for word in ["the", "people", "killed", "city"] {
            assert!(flags(word) & DATE_START == 0, "{word} cannot start a date");
        }
        for word in ["dozens", "three", "several", "a", "million"] {
            assert!(
                flags(word) & AMOUNT_START != 0,
                "{word} can start an amount"
            );
        }
        for word in ["the", "people", "April", "killed"] {
            assert!(
                flags(word) & AMOUNT_START == 0,
                "{word} cannot start an amount"
            );
        }
        assert!(flags("least") & QUALIFIER_END != 0 && flags("than") & QUALIFIER_END != 0);
        assert!(flags("people") & QUALIFIER_END == 0);
    }

    #[test]
    fn lookup_ignores_case() {
        assert!(lookup("Minister").is_some_and(|l| l.has(ROLE)));
        assert_eq!(lookup("APRIL").and_then(|l| l.month), Some(4));
        assert!(lookup("Zelensky").is_none());
    }

    #[test]
    fn measures_and_units_are_known() {
        assert_eq!(
            lookup("killed").and_then(|l| l.measure),
            Some(Measure::Killed)
        );
        assert_eq!(
            lookup("children").and_then(|l| l.unit).map(|u| u.name),
            Some("children")
        );
        assert_eq!(
            lookup("dozens").and_then(|l| l.vague),
            Some((24.0, f64::INFINITY))
        );
    }
}
