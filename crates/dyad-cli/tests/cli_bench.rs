//! `dyad bench`: it reports what it promises, and memory stays under the bound.
//! (Speed is measured by running it, never asserted in tests.)

mod cli_support;
use cli_support::*;

#[test]
fn bench_reports_throughput_and_memory_on_the_voa_corpus() {
    let Some(voa) = shared("corpora/voa/voa_stories.jsonl") else {
        return;
    };
    let run = dyad(
        &["bench", "--json", "--threads", "2", voa.to_str().unwrap()],
        b"",
    );
    assert!(run.status.success(), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(v["articles"], 89);
    assert_eq!(v["rejected"], 0);
    assert_eq!(
        v["bytes"].as_u64(),
        Some(
            std::fs::read_to_string(&voa)
                .unwrap()
                .lines()
                .map(|l| {
                    let d: serde_json::Value = serde_json::from_str(l).unwrap();
                    d["text"].as_str().unwrap().len() as u64
                })
                .sum()
        )
    );
    for key in [
        "seconds",
        "articles_per_second",
        "mb_per_second",
        "mb_per_second_per_core",
        "mb_per_cpu_second",
    ] {
        assert!(
            v[key].as_f64().is_some_and(|x| x > 0.0),
            "{key}: {}",
            v[key]
        );
    }
    assert!(
        v["events"].as_u64().is_some_and(|n| n > 0),
        "no events coded from 89 VOA stories"
    );
    let rss = v["peak_rss_mb"].as_f64().unwrap();
    assert!(
        rss > 0.0 && rss < 300.0,
        "peak RSS {rss} MB, over the 300 MB bound"
    );
}

#[test]
fn bench_layers_and_the_read_only_pass() {
    let dir = scratch("bench");
    let body: String = (0..20)
        .map(|i| article(&format!("b{i}"), "2024-07-12", "Talks were held.") + "\n")
        .collect();
    let input = file(&dir, "b.jsonl", body.as_bytes());
    for layer in ["read", "time", "geo", "code", "all"] {
        let run = dyad(&["bench", "--json", "--layer", layer, &input], b"");
        let v: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
        assert_eq!(
            (v["layer"].as_str(), v["articles"].as_u64()),
            (Some(layer), Some(20))
        );
    }
}
