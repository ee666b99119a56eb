//! HTML reading tests: the story found among page furniture, metadata.

use super::*;

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>T | Site</title></head><body>{body}</body></html>"
    )
}

#[test]
fn main_text_skips_navigation_and_boxes() {
    let html = page(
        "<nav><a href=/>Home</a> <a>World</a></nav>\
         <div class=wrap><article><h1>Headline here</h1>\
         <p>President Lee Jae-myung held phone talks with Xi Jinping on Tuesday.</p>\
         <div class=subscribe-box><p>Subscribe to our newsletter for daily briefings now.</p></div>\
         <p>The two leaders spoke for 30 minutes, the presidential office said.</p>\
         <ul class=related-list><li><a>Another story about something else entirely</a></li></ul>\
         </article><aside><p>Most read stories of the day, all in one long list here.</p></aside></div>\
         <footer>Copyright</footer><script>var x = '\\x1b[2J';</script>",
    );
    let (text, meta, warnings) = convert(html.as_bytes()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(meta.title.as_deref(), Some("T | Site"));
    assert_eq!(
        text,
        "T | Site\n\nHeadline here\n\nPresident Lee Jae-myung held phone talks with Xi Jinping on Tuesday.\n\nThe two leaders spoke for 30 minutes, the presidential office said.\n\n"
    );
}

#[test]
fn loose_text_with_breaks_is_read() {
    let html = page(
        "<div id=articleBody>First sentence of the story is here and long.<br><br>Second one follows it, also long enough.</div>",
    );
    let (text, _, _) = convert(html.as_bytes()).unwrap();
    assert!(
        text.contains("First sentence of the story is here and long.\n"),
        "{text:?}"
    );
    assert!(text.contains("Second one follows it"), "{text:?}");
}

#[test]
fn euc_kr_is_decoded_from_http_equiv() {
    let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body><p>문재인 대통령은 시진핑 주석과 통화했다. 통화는 30분간 이어졌다.</p></body></html>";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(body);
    let (text, _, warnings) = convert(&bytes).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        text.contains("문재인 대통령은 시진핑 주석과 통화했다."),
        "{text}"
    );
}

#[test]
fn unknown_charset_warns() {
    let html = "<html><head><meta charset=\"x-klingon-9\"></head><body><p>Plain text body that is long enough.</p></body></html>";
    let (text, _, warnings) = convert(html.as_bytes()).unwrap();
    assert!(text.contains("Plain text body"));
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("unknown character set 'x-klingon-9'")),
        "{warnings:?}"
    );
}
