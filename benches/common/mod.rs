//! A generator of news-like reports for benchmarks: one invented event told by many outlets,
//! each report recombining sentences from a shared pool, with figures changed here and there
//! and the occasional misspelt name — what the engine faces with real coverage, at any size.
#![allow(dead_code)]

/// A small deterministic PRNG (xorshift64*), so runs are comparable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Pavel", "Maria", "John", "Ahmed", "Li", "Sofia", "Carlos", "Yuki", "Omar", "Elena",
    "David", "Fatima", "Lars", "Ines", "Tomas", "Nadia", "Kofi", "Ravi", "Helga",
];
const LAST: &[&str] = &[
    "Novak",
    "Ferreira",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Mensah",
    "Petrov",
    "Alvarez",
    "Brennan",
    "Rahimi",
    "Schulz",
    "Duarte",
    "Vasquez",
    "Ibrahim",
    "Nakamura",
    "Kaplan",
    "Sorensen",
    "Mwangi",
    "Bianchi",
    "Dimitrov",
    "Castillo",
    "Osei",
];
const PLACES: &[&str] = &[
    "Valmora",
    "Kesterny",
    "Port Anselm",
    "Drovik",
    "Santa Relia",
    "Mirabad",
    "Olsenfjord",
    "Tarkhan",
    "Bellcaster",
    "Nuevo Prado",
    "Kasimov",
    "Lindenau",
    "Ashgrove",
    "Zarechny",
    "Coral Bay",
    "Hadley Cross",
    "Ostrava Nova",
    "Samarind",
    "Velikograd",
    "Riverton",
];
const ROLES: &[&str] = &[
    "foreign minister",
    "interior minister",
    "special envoy",
    "regional governor",
    "mayor",
    "defence minister",
    "army spokesman",
    "health minister",
    "deputy prime minister",
    "emergency services chief",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &["March", "April", "May", "June"];
const QUALIFIERS: &[&str] = &["at least", "about", "more than", "nearly", "", "", "up to"];
const VAGUE: &[&str] = &["dozens of", "several", "hundreds of", "a few"];

const TEMPLATES: &[&str] = &[
    "A strike on the city of {L} killed {Q} {N} people, including {n} children, officials said on {W}.",
    "{R} {P} said on {W} that {Q} {N} people had been injured in {L}.",
    "Rescuers in {L} pulled {n} survivors from the rubble late on {W}.",
    "{P} arrived in {L} on {W} with {R} {P2} for talks with {R2} {P3}.",
    "{S} and {P2} travelled to {L}, with {R} {P3} expected to join them.",
    "The death toll in {L} rose to {N}, according to the {L2} emergency service.",
    "More than ${N} million in aid has been pledged by donors since {M} {d}.",
    "{V} people were killed when shells hit the town of {L} and the village of {L2}.",
    "Turnout in {L} was {n} percent, the electoral commission said.",
    "{S} told reporters in {L} that the talks were constructive and would continue next week.",
    "Officials in {L2} said {Q} {N} homes had been destroyed and {n} people were missing.",
    "The convoy left {L} at {h}:{mm} a.m. and reached {L2} before noon.",
    "{P} met {R} {P2} in {L} on {M} {d}, three days after the first round of talks.",
    "Witnesses described scenes of chaos as the sirens sounded across {L}.",
    "The agency said the water supply in {L} had been restored to {n} percent of homes.",
    "Earlier this month, {Q} {N} people fled {L} after days of shelling.",
    "Aid groups warned that the situation in {L} could deteriorate quickly without access.",
    "{P} said the government would send {n} more ambulances to {L} by {W}.",
    "The ministry said {Q} {N} soldiers were wounded in fighting near {L}.",
    "Both sides described the meeting in {L} as positive, while acknowledging that any deal remained distant.",
];

/// One event's cast: people, their roles, places.
pub struct Cast {
    people: Vec<String>,
    roles: Vec<&'static str>,
    places: Vec<&'static str>,
}

impl Cast {
    pub fn new(rng: &mut Rng) -> Self {
        let people = (0..12)
            .map(|_| format!("{} {}", rng.pick(FIRST), rng.pick(LAST)))
            .collect();
        let roles = (0..12).map(|_| rng.pick(ROLES)).collect();
        let places = (0..8).map(|_| rng.pick(PLACES)).collect();
        Self {
            people,
            roles,
            places,
        }
    }
}

/// One sentence from a template, with slots filled.
fn sentence(template: &str, cast: &Cast, rng: &mut Rng, perturb: bool) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    let person = rng.below(cast.people.len());
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let slot = &rest[open + 1..close];
        let i = |k: usize| (person + k) % cast.people.len();
        let value = match slot {
            "P" => cast.people[i(0)].clone(),
            "P2" => cast.people[i(1)].clone(),
            "P3" => cast.people[i(2)].clone(),
            "S" => cast.people[i(0)].split(' ').nth(1).unwrap_or("").to_owned(),
            "R" => cast.roles[i(0)].to_owned(),
            "R2" => cast.roles[i(2)].to_owned(),
            "L" => cast.places[person % cast.places.len()].to_owned(),
            "L2" => cast.places[(person + 3) % cast.places.len()].to_owned(),
            "W" => rng.pick(WEEKDAYS).to_owned(),
            "M" => rng.pick(MONTHS).to_owned(),
            "Q" => rng.pick(QUALIFIERS).to_owned(),
            "V" => rng.pick(VAGUE).to_owned(),
            "N" => {
                let base = 20 + (person * 37) % 400;
                let n = if perturb {
                    base + 1 + rng.below(30)
                } else {
                    base
                };
                n.to_string()
            }
            "n" => (2 + (person * 7) % 40 + if perturb { rng.below(5) } else { 0 }).to_string(),
            "d" => (1 + person % 28).to_string(),
            "h" => (5 + person % 6).to_string(),
            "mm" => format!("{:02}", (person * 13) % 60),
            _ => String::new(),
        };
        out.push_str(&value);
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    // A slot at the start ("{V} people were killed") must not leave a lower-case sentence
    // start: the sentence splitter would rightly glue it to the one before.
    let mut out = out.replace("  ", " ");
    if let Some(first) = out.get(..1) {
        let upper = first.to_ascii_uppercase();
        out.replace_range(..1, &upper);
    }
    out
}

/// `count` reports of `min_bytes..max_bytes` each about one event.
pub fn reports(seed: u64, count: usize, min_bytes: usize, max_bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let cast = Cast::new(&mut rng);
    // The shared pool: what every outlet draws from.
    let pool: Vec<String> = (0..400)
        .map(|k| {
            let template = TEMPLATES[k % TEMPLATES.len()];
            sentence(template, &cast, &mut rng, false)
        })
        .collect();
    (0..count)
        .map(|r| {
            let target = min_bytes + rng.below(max_bytes - min_bytes + 1);
            let mut text = format!(
                "date 2025-04-{:02} Report {r} on the crisis\n\n",
                1 + r % 28
            );
            while text.len() < target {
                let mut s = pool[rng.below(pool.len())].clone();
                if rng.below(10) == 0 {
                    // A figure changed in this report.
                    let template = TEMPLATES[rng.below(TEMPLATES.len())];
                    s = sentence(template, &cast, &mut rng, true);
                }
                if rng.below(40) == 0 {
                    // An outlet's own spelling of a place.
                    s = s.replacen('a', "ah", 1);
                }
                text.push_str(&s);
                text.push_str(if rng.below(4) == 0 { "\n\n" } else { " " });
            }
            text
        })
        .collect()
}
