//! The corpus readers: Reuters-21578 SGML, the XML gold corpora, VOA JSONL, directories.

mod cli_support;
use cli_support::*;

const SGML: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>TALKS &lt;ON&gt; COCOA</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Brazil and Ghana agreed on
export quotas, officials said &amp; traders welcomed it.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
<DATE> 2-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>SHORT HEADLINE ONLY
</TITLE>
&#3;
</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="3">
<DATE>31-FEB-1987 09:00:00.00</DATE>
<TEXT>&#2;
<BODY>A body with an impossible date.</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="4">
<DATE>3-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
unformatted text
&#3;</TEXT>
</REUTERS>
"#;

#[test]
fn reuters_sgml_articles_with_bodies_are_read_the_rest_rejected_with_reasons() {
    let dir = scratch("reuters");
    let sgm = file(&dir, "reut2-test.sgm", SGML.as_bytes());
    let rej = dir.join("r.jsonl");
    let run = dyad(&["annotate", "--rejects", rej.to_str().unwrap(), &sgm], b"");
    assert!(run.status.success());
    assert_eq!(run.counts()[..3], [4, 1, 3]);
    assert_eq!(run.json_lines()[0]["id"], "reut-1");
    let r = rejects(&rej);
    assert_eq!(
        r[0],
        (
            format!("{sgm}:15"),
            "no <BODY>: TYPE=\"BRIEF\" article (headline only)".into()
        )
    );
    assert_eq!(
        r[1],
        (
            format!("{sgm}:23"),
            "bad <DATE> \"31-FEB-1987 09:00:00.00\"".into()
        )
    );
    assert_eq!(
        r[2],
        (
            format!("{sgm}:28"),
            "no <BODY>: TYPE=\"UNPROC\" article (unprocessed text)".into()
        )
    );
}

#[test]
fn a_reuters_article_text_is_dateline_and_body_decoded() {
    // `dyad code` prints evidence sentences; `annotate` prints offsets into the text.
    // Check the text itself through the trigger offsets of whatever the coder finds,
    // and through the input record of a reject (which keeps the raw SGML).
    let dir = scratch("reuters-text");
    let sgm = file(
        &dir,
        "one.sgm",
        SGML.split("<REUTERS TOPICS=\"NO\" LEWISSPLIT")
            .next()
            .unwrap()
            .as_bytes(),
    );
    let run = dyad(&["code", &sgm], b"");
    assert_eq!(run.counts()[..3], [1, 1, 0]);
    for e in run.json_lines() {
        let ev = e["evidence"].as_str().unwrap();
        assert!(!ev.contains("&amp;") && !ev.contains('\u{3}'), "{ev}");
        assert_eq!(e["date"].as_str().map(|d| &d[..4]), Some("1987"));
    }
}

const GEOWEBNEWS: &str = r#"<?xml version="1.0" ?>
<articles>
	<article file="0">
		<title>Floods in Kerala</title>
		<link>http://example.org/a</link>
		<text>Heavy rain hit Kochi &amp; Alappuzha on Tuesday.</text>
		<toponyms><toponym><start>15</start><end>20</end></toponym></toponyms>
	</article>
	<article file="1">
		<title>Second</title>
		<text>Officials in Lagos met on Friday.</text>
	</article>
</articles>
"#;

const TRNEWS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<articles>
    <article docid="1040001">
        <title>Ambassador shot
        </title>
        <url> http://example.org/b </url>
        <domain>www.example.org</domain>
        <dltime>Dec 17, 2016 8:46 AM ET</dltime>
        <text><![CDATA[A gunman shot the ambassador in Ankara on Monday.]]></text>
    </article>
    <article docid="1040002">
        <title>No date</title>
        <dltime>4:58 PM ET</dltime>
        <text><![CDATA[Protesters marched in Istanbul.]]></text>
    </article>
</articles>
"#;

#[test]
fn xml_gold_articles_are_read_with_their_dates_or_need_date() {
    let dir = scratch("xml");
    let geo = file(&dir, "GeoWebNews.xml", GEOWEBNEWS.as_bytes());
    let tr = file(&dir, "TR-News.xml", TRNEWS.as_bytes());
    let run = dyad(&["annotate", &geo, &tr], b"");
    assert_eq!(run.counts()[..3], [4, 1, 3]);
    assert_eq!(run.json_lines()[0]["id"], "TR-News-1040001");
    assert!(run.stderr.contains(&format!(
        "rejected {geo}:3: the article has no date: give --date YYYY-MM-DD"
    )));
    assert!(run.stderr.contains(&format!(
        "rejected {tr}:11: cannot read the article's date \"4:58 PM ET\""
    )));

    let run = dyad(&["annotate", "--date", "2018-01-30", &geo, &tr], b"");
    assert_eq!(run.counts()[..3], [4, 4, 0]);
    let ids: Vec<_> = run
        .json_lines()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "GeoWebNews-0",
            "GeoWebNews-1",
            "TR-News-1040001",
            "TR-News-1040002"
        ]
    );

    let broken = file(
        &dir,
        "broken.xml",
        b"<?xml version=\"1.0\"?><articles><article>",
    );
    let run = dyad(&["annotate", "--date", "2018-01-30", &broken], b"");
    assert!(
        run.stderr
            .contains(&format!("rejected {broken}: invalid XML")),
        "{}",
        run.stderr
    );
}

#[test]
fn voa_lines_map_published_to_date() {
    let line = serde_json::json!({
        "id": "8011115", "url": "https://www.voanews.com/a/x/8011115.html", "section": "Middle East",
        "title": "T", "author": "A", "published": "2025-03-14 20:30:26Z", "keywords": "k",
        "text": "Iraqi forces killed a senior Islamic State leader on Thursday, officials said."
    });
    let run = dyad(&["code", "-"], format!("{line}\n").as_bytes());
    assert_eq!(run.counts()[..3], [1, 1, 0]);
    for e in run.json_lines() {
        assert_eq!(e["doc_id"], "8011115");
    }
    let bad = serde_json::json!({"id": "1", "published": "yesterday", "text": "x"});
    let run = dyad(&["code", "-"], format!("{bad}\n").as_bytes());
    assert!(
        run.stderr.contains("<stdin>:1: bad date \"yesterday\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_shared_corpora_read_completely() {
    let Some(corpora) = shared("corpora") else {
        return;
    };
    let voa = corpora.join("voa/voa_stories.jsonl");
    let run = dyad(&["annotate", "--threads", "2", voa.to_str().unwrap()], b"");
    assert_eq!(run.counts()[..3], [89, 89, 0]);
    let sgm = corpora.join("reuters21578/reut2-000.sgm");
    let rej = scratch("shared").join("r.jsonl");
    let run = dyad(
        &[
            "annotate",
            "--rejects",
            rej.to_str().unwrap(),
            sgm.to_str().unwrap(),
        ],
        b"",
    );
    let [read, coded, rejected, _] = run.counts();
    assert_eq!(read, 1000);
    assert_eq!(coded + rejected, read);
    assert!(coded > 900, "{coded} of 1000 Reuters articles coded");
    for (_, reason) in rejects(&rej) {
        assert!(reason.starts_with("no <BODY>"), "{reason}");
    }
}

#[test]
fn a_directory_reads_its_article_files_in_name_order() {
    let dir = scratch("dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    file(
        &dir,
        "b.jsonl",
        format!("{}\n", article("b", "2024-07-12", "B.")).as_bytes(),
    );
    file(
        &dir,
        "a.jsonl",
        format!("{}\n", article("a", "2024-07-12", "A.")).as_bytes(),
    );
    file(&dir.join("sub"), "c.sgm", SGML.as_bytes());
    file(&dir, "README.txt", b"not an article");
    let run = dyad(&["annotate", dir.to_str().unwrap()], b"");
    let ids: Vec<_> = run
        .json_lines()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b", "reut-1"]);
}
