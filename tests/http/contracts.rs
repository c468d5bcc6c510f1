//! The JSON twins other programs read, held to their shape and content on
//! the built-in corpus by snapshots (`tests/http/snapshots/`): a change to
//! one shows as a diff to review (`cargo insta review`), never as a silent
//! break of someone's script.

use super::*;

/// The first statement of the built-in corpus, by the export's order.
async fn first_statement_id(site: &Arc<Site>) -> String {
    let export = get(site, "/export.json").await.json();
    export["articles"][0]["statements"][0]["id"].as_str().expect("the seeds have statements").to_string()
}

#[tokio::test]
async fn the_json_twins_of_the_overview_a_topic_a_speaker_and_a_quote() {
    let site = seed_site();
    for (name, path) in [("index", "/index.json".to_string()), ("topic", "/topics/cybersecurity.json".to_string()), ("speaker", "/speakers/putin.json".to_string()), ("articles", "/articles.json".to_string())] {
        let reply = get(&site, &path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        insta::assert_json_snapshot!(name, reply.json());
    }
    let id = first_statement_id(&site).await;
    let reply = get(&site, &format!("/quotes/{id}.json")).await;
    assert_eq!(reply.status, StatusCode::OK);
    insta::assert_json_snapshot!("quote", reply.json());
}
