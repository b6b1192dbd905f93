//! Developer aid: lists the tagger's misses, spurious, wrong-value and
//! wrong-`mod` expressions on a TimeML directory. `cargo run -p dyad-time --example
//! timeml_errors -- DIR`. With `TIMEML_ALL=1`, every relaxed match is also
//! printed as `OK  dct  gold-text  sys-text  gold  sys  context`.

use dyad_time::timeml::{parse, Score};

fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(d) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p)
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: timeml_errors DIR");
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    files.sort();
    let show_ok = std::env::var_os("TIMEML_ALL").is_some();
    let tagger = dyad_time::Tagger::new();
    let mut total = Score::default();
    for f in files {
        let doc = parse(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let sys = tagger.tag(&doc.text, doc.dct);
        total.add(&doc.timexes, &sys);
        let ctx = |s: usize, e: usize| {
            let a = doc.text[..s]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |x| x.0);
            let b = doc.text[e..]
                .char_indices()
                .nth(30)
                .map_or(doc.text.len(), |x| e + x.0);
            format!(
                "{}[[{}]]{}",
                &doc.text[a..s],
                &doc.text[s..e],
                &doc.text[e..b]
            )
            .replace('\n', " ")
        };
        for g in &doc.timexes {
            match sys.iter().find(|s| s.start < g.end && g.start < s.end) {
                None => println!(
                    "FN\t{}\t{} {}\t{}",
                    doc.dct,
                    g.kind,
                    g.value,
                    ctx(g.start, g.end)
                ),
                Some(s) => {
                    if show_ok {
                        println!(
                            "OK\t{}\t{}\t{}\t{} {}\t{} {}\t{}",
                            doc.dct,
                            doc.text[g.start..g.end].replace('\n', " "),
                            doc.text[s.start..s.end].replace('\n', " "),
                            g.kind,
                            g.value,
                            s.kind.as_str(),
                            s.value,
                            ctx(s.start, s.end)
                        );
                    }
                    if s.start != g.start || s.end != g.end {
                        println!(
                            "SPAN\t{}\tgold={:?} sys={:?}\t{}",
                            doc.dct,
                            &doc.text[g.start..g.end],
                            &doc.text[s.start..s.end],
                            ctx(g.start, g.end)
                        );
                    }
                    if s.modifier != g.modifier {
                        let name = |m: Option<dyad_time::Modifier>| m.map_or("-", |m| m.as_str());
                        println!(
                            "MOD\t{}\tgold={} sys={}\t{}",
                            doc.dct,
                            name(g.modifier),
                            name(s.modifier),
                            ctx(s.start, s.end)
                        );
                    }
                    if s.value != g.value {
                        println!(
                            "VAL\t{}\tgold={} {} sys={} {}\t{}",
                            doc.dct,
                            g.kind,
                            g.value,
                            s.kind.as_str(),
                            s.value,
                            ctx(s.start, s.end)
                        );
                    }
                }
            }
        }
        for s in &sys {
            if !doc
                .timexes
                .iter()
                .any(|g| s.start < g.end && g.start < s.end)
            {
                println!(
                    "FP\t{}\t{} {}\t{}",
                    doc.dct,
                    s.kind.as_str(),
                    s.value,
                    ctx(s.start, s.end)
                );
            }
        }
    }
    eprint!("{}", total.report());
}
