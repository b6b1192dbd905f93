use super::*;

#[test]
fn builtin_lexicons_load() {
    for (name, content) in BUILTIN {
        let mut lex = Lexicons::default();
        if *name == "triggers.tsv" {
            lex.extend(
                "cameo.tsv",
                BUILTIN.iter().find(|b| b.0 == "cameo.tsv").unwrap().1,
            )
            .unwrap();
        }
        if *name == "people.tsv" || *name == "countries.tsv" {
            // people and countries stand alone
        }
        lex.extend(name, content).unwrap_or_else(|e| panic!("{e}"));
    }
    let lex = Lexicons::builtin();
    assert!(lex.triggers.len() > 300);
}

#[test]
fn actor_files_are_sorted_and_free_of_duplicates() {
    for (name, content) in BUILTIN
        .iter()
        .filter(|(n, _)| !matches!(*n, "triggers.tsv" | "cameo.tsv"))
    {
        let keys: Vec<String> = rows(content).map(|(_, c)| c.join("\t")).collect();
        let mut seen = std::collections::HashSet::new();
        for k in &keys {
            assert!(seen.insert(k.clone()), "{name}: duplicate line {k:?}");
        }
        let firsts: Vec<String> = rows(content).map(|(_, c)| c[0].to_string()).collect();
        let mut sorted = firsts.clone();
        sorted.sort();
        assert_eq!(
            firsts, sorted,
            "{name}: lines are not sorted by their first column"
        );
    }
}

#[test]
fn a_user_file_overrides_a_builtin_entry() {
    let mut lex = Lexicons::builtin();
    lex.extend("countries-mine.tsv", "XKX\tDardania\t\t\t\n")
        .unwrap();
    assert!(lex
        .actors
        .lookup("Dardania")
        .iter()
        .any(|a| matches!(&a.kind, AtomKind::Country { code } if code == "XKX")));
    let e = lex
        .extend("triggers.tsv", "V\tparley\t999\t\n")
        .unwrap_err();
    assert!(e.to_string().contains("triggers.tsv:1: unknown CAMEO code"));
}

#[test]
fn verbs_inflect() {
    use triggers::inflect_verb;
    assert_eq!(
        inflect_verb("agree"),
        ["agree", "agrees", "agreed", "agreed", "agreeing"]
    );
    assert_eq!(
        inflect_verb("ban"),
        ["ban", "bans", "banned", "banned", "banning"]
    );
    assert_eq!(inflect_verb("accuse")[4], "accusing");
    assert_eq!(inflect_verb("supply")[2], "supplied");
    assert_eq!(inflect_verb("offer")[2], "offered");
    assert_eq!(inflect_verb("meet")[2], "met");
    assert_eq!(inflect_verb("retake")[2], "retook");
    assert_eq!(inflect_verb("overrun")[3], "overrun");
    assert_eq!(inflect_verb("react")[2], "reacted");
}

#[test]
fn actor_files_pass_their_checker() {
    // data/actors/check.py validates codes, sectors, dates and phrase collisions.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/actors/check.py");
    match std::process::Command::new("python3").arg(dir).output() {
        Err(e) => eprintln!("skipping: python3 not available ({e})"),
        Ok(o) => assert!(
            o.status.success(),
            "check.py failed:\n{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    }
}
