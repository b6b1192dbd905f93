//! dyad's own gold sentences (`tests/data/events.jsonl`, written for the project): a
//! regression floor on event coding that needs nothing from `../shared`.

use dyad_core::{eval, Coder};

#[test]
fn own_gold_sentences_are_coded() {
    let golds: Vec<eval::Gold> = include_str!("data/events.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| eval::parse_gold(l).unwrap())
        .collect();
    let r = eval::evaluate(&Coder::builtin(), &golds);
    let misses: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| !o.full)
        .map(|o| format!("{} {} {:?}", o.id, o.gold_type, o.coded))
        .collect();
    assert!(
        r.full_rate >= 0.885,
        "full match {:.3}; misses: {misses:#?}",
        r.full_rate
    );
    assert!(
        r.extra_per_sentence <= 0.108,
        "extra events per sentence {:.3}",
        r.extra_per_sentence
    );
}

/// A pronoun that opens its sentence as subject continues the previous sentence's subject,
/// not the person named last ("Putin met Xi ... He accused ..." is Putin).
#[test]
fn sentence_opening_pronoun_is_the_previous_subject() {
    let coder = dyad_core::Coder::builtin();
    let doc = dyad_core::schema::InputDoc {
        id: "c01".into(),
        date: "2025-05-10".into(),
        text: "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on \
               Thursday. He accused the United States of provoking the conflict in Ukraine."
            .into(),
        title: None,
        source: None,
        url: None,
    };
    let events = coder.code(&doc).unwrap();
    let accuse = events
        .iter()
        .find(|e| e.event_type == "ACCUSE")
        .expect("an ACCUSE event");
    let actor = accuse.actor.as_ref().expect("an actor");
    assert_eq!(actor.country.as_deref(), Some("RUS"));
    assert_eq!(actor.name.as_deref(), Some("Vladimir Putin"));
    assert_eq!(
        accuse.recipient.as_ref().and_then(|r| r.country.as_deref()),
        Some("USA")
    );
}

/// Codes `text`, published on `date`.
fn records(text: &str, date: &str) -> Vec<dyad_core::schema::EventRecord> {
    let doc = dyad_core::schema::InputDoc {
        id: "t".into(),
        date: date.into(),
        text: text.into(),
        title: None,
        source: None,
        url: None,
    };
    Coder::builtin().code(&doc).unwrap()
}

/// Codes `text` and returns its events as `TYPE ACTOR>RECIPIENT` strings.
fn coded(text: &str) -> Vec<String> {
    let c = |a: &Option<dyad_core::schema::ActorRef>| {
        a.as_ref()
            .and_then(|a| a.country.clone())
            .unwrap_or_default()
    };
    records(text, "2026-11-20")
        .iter()
        .map(|e| format!("{} {}>{}", e.event_type, c(&e.actor), c(&e.recipient)))
        .collect()
}

/// Each case: a text and one event it must yield. Named after the rule it guards.
#[test]
fn discourse_and_agent_rules() {
    let cases = [
        // A generic agent takes the country of the place the sentence names.
        ("Police in Lagos dispersed hundreds of protesters.", "COERCE NGA>NGA"),
        // ...and a singular one too.
        ("Police in Dhaka arrested a former minister on charges of corruption.", "COERCE BGD>BGD"),
        // Weapons belong to their user, not to the place they strike.
        ("British aircraft using guided missiles killed 4 Iraqis in Basra.", "ASSAULT GBR>IRQ"),
        // A coordinated verb shares the first verb's subject.
        (
            "Argentine President Javier Milei met Israeli Prime Minister Benjamin Netanyahu in Jerusalem and pledged to move his country's embassy there.",
            "AGREE ARG>ISR",
        ),
        // An agentless arrest is the authorities' of the place.
        ("Zambia's opposition leader was arrested after a rally in Lusaka.", "COERCE ZMB>ZMB"),
        // A participle before "in <place>" stays passive: the arrested are the recipients.
        ("Two French journalists were detained in Tehran on Monday.", "COERCE IRN>FRA"),
        ("An American student was arrested in Moscow.", "COERCE RUS>USA"),
        // Two sides of a fight fight each other.
        ("Congolese troops and M23 rebels fought for control of the town.", "ASSAULT COD>COD"),
        // Protesters who burn property riot.
        ("Protesters set fire to the parliament building in Kathmandu.", "PROTEST NPL>NPL"),
        // A participle after a comma finds its object again.
        ("Russia expelled two British diplomats, accusing them of spying.", "ACCUSE RUS>GBR"),
        // Rejecting "the accusation" answers the accuser.
        (
            "Pakistan accused India of supporting militants. India rejected the accusation as baseless.",
            "REJECT IND>PAK",
        ),
        // Denying "the claim" answers whoever made the latest claim about the denier.
        (
            "Moscow said its troops had captured a village in the Donetsk region. Kyiv denied the claim.",
            "REJECT UKR>RUS",
        ),
        // "The minister" is the last named person holding that office.
        (
            "Germany's foreign minister Anna Keller travelled to Kyiv on Monday. The minister also met her Ukrainian counterpart Petro Kovalenko.",
            "CONSULT DEU>UKR",
        ),
        // "the group" refers back to the named organisation.
        (
            "Houthi rebels attacked a cargo ship in the Red Sea. Britain has carried out dozens of strikes against the group since January.",
            "ASSAULT GBR>YEM",
        ),
        // "The two leaders" after a one-way visit are its host and guest.
        (
            "Russian President Vladimir Putin hosted Chinese leader Xi Jinping in Moscow. The two leaders pledged to deepen their strategic partnership.",
            "AGREE RUS>CHN",
        ),
        // "The two officials" after a meeting are its two parties.
        (
            "The head of the IAEA met Iran's foreign minister in Vienna. The two officials discussed inspections.",
            "CONSULT IRN>UNO",
        ),
        // A relation "with" someone, between two coordinated actors.
        ("Morocco and Algeria have severed diplomatic ties.", "SANCTION MAR>DZA"),
        // A country inside a longer name is no party.
        (
            "The Philippine and Vietnamese coast guards held their first joint exercise in the South China Sea.",
            "COOPERATE PHL>VNM",
        ),
        // The subject before an appositive.
        (
            "Pakistan, a key U.S. ally, has refused to deploy troops in Iraq.",
            "REJECT PAK>IRQ",
        ),
        // A purpose noun is the subject's.
        (
            "Japanese Prime Minister Shigeru Ishiba flew to Manila for talks with Philippine President Ferdinand Marcos Jr.",
            "CONSULT JPN>PHL",
        ),
        // Force on another unnamed group of one's own side.
        (
            "Sierra Leone's president said soldiers had foiled a coup attempt and arrested several officers.",
            "COERCE SLE>SLE",
        ),
        // Joint drills are cooperation, and the Sea of Japan is no party.
        (
            "Chinese and Russian warships held joint naval drills in the Sea of Japan.",
            "COOPERATE CHN>RUS",
        ),
        // A coercion in the actor's own capital acts on the place.
        (
            "Peru declared a state of emergency in Lima after a wave of killings.",
            "COERCE PER>PER",
        ),
        // A government's protest is an official complaint, and a reaction "prompted" by an
        // act answers its actor.
        (
            "Chinese coast guard ships entered waters around the islands, prompting a protest from Tokyo.",
            "ACCUSE JPN>CHN",
        ),
        // ...and so is a state's protest addressed to another state; a people's stays a protest.
        (
            "Japan protested to China after a Chinese military aircraft violated its airspace.",
            "ACCUSE JPN>CHN",
        ),
        ("Thousands of Kenyans protested in Nairobi.", "PROTEST KEN>"),
        // A reciprocal object makes coordinated actors act on each other.
        ("China and the Philippines blamed each other for the collision.", "ACCUSE CHN>PHL"),
        ("Russia and Ukraine accused one another of violating the truce.", "ACCUSE UKR>RUS"),
        // Coordinated agents of a passive each act.
        ("The attack was condemned by the European Union and the United Nations.", "ACCUSE UNO>"),
        // Arms sales are military aid, and an irregular past ("sold") is no noun modifier.
        ("Germany sold tanks to Qatar.", "AID DEU>QAT"),
        // A future deployment to help is a promise.
        (
            "Kenya will deploy 1,000 police officers to Haiti to fight gangs, President William Ruto said.",
            "AGREE KEN>HTI",
        ),
    ];
    for (text, want) in cases {
        let got = coded(text);
        assert!(
            got.iter().any(|g| g == want),
            "{text}\n want {want}, got {got:?}"
        );
    }
}

/// A text with two gold events, both coded (each both ways), has no extra events: its
/// triples are counted once for the text, not once per gold event.
#[test]
fn multi_event_text_counts_extras_once() {
    let line = r#"{"id":"m","date":"2026-11-20","text":"Chinese and American trade negotiators held two days of talks in Geneva. The two sides agreed to meet again next month.","events":[{"event_type":"CONSULT","actor":{"country":"CHN"},"recipient":{"country":"USA"}},{"event_type":"AGREE","actor":{"country":"CHN"},"recipient":{"country":"USA"}}]}"#;
    let golds = eval::parse_gold(line).unwrap();
    let r = eval::evaluate(&Coder::builtin(), &golds);
    assert_eq!(r.full_rate, 1.0, "{:?}", r.outcomes);
    assert_eq!(r.extra_per_sentence, 0.0, "{:?}", r.outcomes);
}

/// "the United States": "states" inside a name is no report verb, so the country named
/// before it is no reporter; and "strikes on Houthi targets" is one attack, not two.
#[test]
fn report_words_inside_names_and_objects_after_prepositions() {
    let evs = records(
        "Britain and the United States launched strikes on Houthi targets in Yemen.",
        "2026-11-20",
    );
    assert!(!evs.is_empty());
    for e in &evs {
        assert!(e.reported_by.is_none(), "no reporter: {:?}", e.reported_by);
        assert_ne!(e.trigger.text, "targets", "'targets' heads the object");
    }
    let actors: std::collections::BTreeSet<_> = evs
        .iter()
        .filter_map(|e| e.actor.as_ref()?.country.clone())
        .collect();
    assert_eq!(actors.into_iter().collect::<Vec<_>>(), ["GBR", "USA"]);
}

/// An event noun takes the negation and modality of its light verb ("did not attend
/// the summit" is a negated meeting, "will attend the summit" a future one).
#[test]
fn event_nouns_take_their_light_verbs_negation_and_modality() {
    let code = |text: &str| records(text, "2026-11-20");
    let evs = code("Serbian President Aleksandar Vucic did not attend the summit in Berlin.");
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.negated), "negated: {evs:?}");
    let evs = code("French President Emmanuel Macron will attend the summit in Berlin.");
    assert!(!evs.is_empty());
    assert!(
        evs.iter().all(|e| !e.negated && e.modality != "asserted"),
        "{evs:?}"
    );
}

/// A mention's text never starts with a stray "of" ("the resignation of President X").
#[test]
fn mention_spans_do_not_start_with_of() {
    let evs = records(
        "Kenyan protesters demanded the resignation of President William Ruto.",
        "2026-11-20",
    );
    let r = evs
        .iter()
        .find_map(|e| e.recipient.as_ref())
        .expect("a recipient");
    assert_eq!(r.text, "President William Ruto");
}

/// A weapon takes its user's country from its own sentence only: in a later sentence the
/// country named last is the reporter's ("the U.S. military said"), not the attacker's.
#[test]
fn weapons_take_no_country_from_earlier_sentences() {
    let evs = records("Houthi rebels attacked a cargo ship in the Red Sea on Thursday, the U.S. military said. The vessel was hit by two missiles but no one was injured.", "2024-03-15");
    assert!(evs.iter().any(|e| e.sentence == 0));
    for e in &evs {
        let a = e.actor.as_ref().unwrap();
        assert!(
            !(a.text.contains("missiles") && a.country.as_deref() == Some("USA")),
            "{e:?}"
        );
    }
}

/// Things that must not be coded: an object that is absent ("ended without agreement") and
/// a place after "by ... in" taken for the agent ("killed by a roadside bomb in Mali").
#[test]
fn absent_objects_and_places_after_by_code_nothing() {
    for (text, not) in [
        (
            "Talks between Armenia and Azerbaijan ended without agreement.",
            "SANCTION",
        ),
        (
            "Three soldiers were killed by a roadside bomb in Mali.",
            "ASSAULT MLI>MLI",
        ),
        (
            "Poland's president signed a law allowing the construction of a wall on the Belarus border.",
            "SUPPORT POL>BLR",
        ),
    ] {
        let got = coded(text);
        assert!(!got.iter().any(|g| g.starts_with(not)), "{text}: {got:?}");
    }
}
