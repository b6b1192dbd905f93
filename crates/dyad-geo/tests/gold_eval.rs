//! Regression thresholds on the geoparsing gold corpora in the shared data
//! (`$DYAD_SHARED/gold/geo/`, else `<workspace>/../shared/gold/geo/`). Thresholds sit just
//! below the measured figures (docs/geo.md); a drop below them fails the suite.

use std::path::PathBuf;

use dyad_geo::eval::{evaluate, parse, Report};
use dyad_geo::Gazetteer;

fn gold(name: &str) -> Option<String> {
    let root = match std::env::var_os("DYAD_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    let path = root.join("gold/geo").join(name);
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) if std::env::var("DYAD_REQUIRE_SHARED").as_deref() == Ok("1") => {
            panic!("{} not found (DYAD_REQUIRE_SHARED=1)", path.display())
        }
        Err(_) => {
            eprintln!("skipping: {name} not found at {}", path.display());
            None
        }
    }
}

fn run(name: &str) -> Option<Report> {
    let xml = gold(name)?;
    let docs = parse(&xml).expect("gold parses");
    let r = evaluate(&Gazetteer::builtin(), &docs);
    eprintln!(
        "{name}: gold {} recall {:.3} precision {:.3} e2e {:.3} gold-span {:.3}",
        r.gold,
        r.recall(),
        r.precision(),
        r.acc_end_to_end(),
        r.acc_gold_spans()
    );
    Some(r)
}

#[test]
fn tr_news_thresholds() {
    let Some(r) = run("TR-News.xml") else { return };
    assert_eq!(r.docs, 118);
    assert!(r.gold > 1200, "{}", r.gold);
    assert!(r.recall() >= TR_RECALL, "recall {:.3}", r.recall());
    assert!(
        r.precision() >= TR_PRECISION,
        "precision {:.3}",
        r.precision()
    );
    assert!(
        r.acc_end_to_end() >= TR_E2E,
        "end-to-end {:.3}",
        r.acc_end_to_end()
    );
    assert!(
        r.acc_gold_spans() >= TR_SPANS,
        "gold spans {:.3}",
        r.acc_gold_spans()
    );
}

#[test]
fn geowebnews_thresholds() {
    let Some(r) = run("GeoWebNews.xml") else {
        return;
    };
    assert_eq!(r.docs, 200);
    assert!(r.gold > 2500, "{}", r.gold);
    assert!(r.recall() >= GWN_RECALL, "recall {:.3}", r.recall());
    assert!(
        r.precision() >= GWN_PRECISION,
        "precision {:.3}",
        r.precision()
    );
    assert!(
        r.acc_end_to_end() >= GWN_E2E,
        "end-to-end {:.3}",
        r.acc_end_to_end()
    );
    assert!(
        r.acc_gold_spans() >= GWN_SPANS,
        "gold spans {:.3}",
        r.acc_gold_spans()
    );
}

const TR_RECALL: f64 = 0.948;
const TR_PRECISION: f64 = 0.885;
const TR_E2E: f64 = 0.832;
const TR_SPANS: f64 = 0.865;
const GWN_RECALL: f64 = 0.826;
const GWN_PRECISION: f64 = 0.913;
const GWN_E2E: f64 = 0.752;
const GWN_SPANS: f64 = 0.845;
