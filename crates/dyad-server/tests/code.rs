//! `/v1/code` and `/v1/annotate` answer exactly what the coder (and so the CLI) produces.

mod common;
use common::{app, call};
use dyad_core::schema::InputDoc;

#[tokio::test]
async fn code_and_annotate_match_the_coder() {
    let Some(seed) = common::seed_article() else {
        return;
    };
    let doc: InputDoc = serde_json::from_value(seed.clone()).expect("InputDoc");
    let coder = dyad_core::Coder::builtin();
    // Byte for byte what the CLI serialises (serde_json of the same records).
    let want_events = serde_json::to_string(&coder.code(&doc).expect("codes")).unwrap();
    let want_ann = serde_json::to_string(&coder.annotate(&doc).expect("annotates")).unwrap();
    let app = app();
    let body = seed.to_string().into_bytes();
    let r = call(&app, "POST", "/v1/code", Some(body.clone()), &[]).await;
    assert_eq!(r.status.as_u16(), 200);
    assert_eq!(String::from_utf8_lossy(&r.raw), want_events);
    let r = call(&app, "POST", "/v1/annotate", Some(body), &[]).await;
    assert_eq!(r.status.as_u16(), 200);
    assert_eq!(String::from_utf8_lossy(&r.raw), want_ann);
    // A list: events of all the articles in order; annotations as an array.
    let mut second = seed.clone();
    second["id"] = "second".into();
    let list = serde_json::json!([seed, second]).to_string().into_bytes();
    let r = call(&app, "POST", "/v1/code", Some(list.clone()), &[]).await;
    let n = coder.code(&doc).expect("codes").len();
    assert!(n > 0, "the reference article codes to no events");
    assert_eq!(r.json.as_array().map(Vec::len), Some(2 * n));
    let r = call(&app, "POST", "/v1/annotate", Some(list), &[]).await;
    let first = serde_json::to_string(&r.json[0]).unwrap();
    let want: serde_json::Value = serde_json::from_str(&want_ann).unwrap();
    assert_eq!(first, serde_json::to_string(&want).unwrap());
    assert_eq!(r.json[1]["id"], "second");
}

#[tokio::test]
async fn healthz_says_ok() {
    let r = call(&app(), "GET", "/healthz", None, &[]).await;
    assert_eq!(r.status.as_u16(), 200);
    assert_eq!(r.json["status"], "ok");
}
