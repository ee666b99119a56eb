//! The input parser: keys, mouse, and pastes that end however they end.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEventKind};

use super::*;

fn feed(p: &mut Parser, bytes: &[u8], at: Instant) -> Vec<Event> {
    let mut out = Vec::new();
    p.feed(bytes, at, &mut out);
    out
}

fn keys(bytes: &[u8]) -> Vec<Event> {
    let mut p = Parser::default();
    let now = Instant::now();
    let mut out = feed(&mut p, bytes, now);
    p.timeout(now + Duration::from_secs(1), &mut out);
    out
}

fn k(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

#[test]
fn keys_as_crossterm_reads_them() {
    let none = KeyModifiers::NONE;
    assert_eq!(keys(b"q"), [k(KeyCode::Char('q'), none)]);
    assert_eq!(keys(b"G"), [k(KeyCode::Char('G'), KeyModifiers::SHIFT)]);
    assert_eq!(keys("é".as_bytes()), [k(KeyCode::Char('é'), none)]);
    assert_eq!(
        keys(b"\x03"),
        [k(KeyCode::Char('c'), KeyModifiers::CONTROL)]
    );
    assert_eq!(
        keys(b"\r\t\x7f"),
        [
            k(KeyCode::Enter, none),
            k(KeyCode::Tab, none),
            k(KeyCode::Backspace, none)
        ]
    );
    assert_eq!(keys(b"\x1b"), [k(KeyCode::Esc, none)]);
    assert_eq!(
        keys(b"\x1b[A\x1bOB\x1b[1;5C"),
        [
            k(KeyCode::Up, none),
            k(KeyCode::Down, none),
            k(KeyCode::Right, KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(
        keys(b"\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~\x1b[Z"),
        [
            k(KeyCode::PageUp, none),
            k(KeyCode::PageDown, none),
            k(KeyCode::Home, none),
            k(KeyCode::End, none),
            k(KeyCode::Delete, none),
            k(KeyCode::BackTab, KeyModifiers::SHIFT)
        ]
    );
    assert_eq!(keys(b"\x1bx"), [k(KeyCode::Char('x'), KeyModifiers::ALT)]);
    match keys(b"\x1b[<65;10;5M").as_slice() {
        [Event::Mouse(m)] => {
            assert_eq!(m.kind, MouseEventKind::ScrollDown);
            assert_eq!((m.column, m.row), (9, 4));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn esc_then_a_key_in_another_read_is_esc_then_the_key() {
    let mut p = Parser::default();
    let now = Instant::now();
    assert_eq!(
        feed(&mut p, b"\x1b", now),
        [k(KeyCode::Esc, KeyModifiers::NONE)]
    );
    assert_eq!(
        feed(&mut p, b"q", now),
        [k(KeyCode::Char('q'), KeyModifiers::NONE)]
    );
}

#[test]
fn sequences_split_across_reads_are_joined() {
    let mut p = Parser::default();
    let now = Instant::now();
    assert!(feed(&mut p, b"\x1b[", now).is_empty());
    assert_eq!(
        feed(&mut p, b"B", now),
        [k(KeyCode::Down, KeyModifiers::NONE)]
    );
    assert!(feed(&mut p, &"日".as_bytes()[..1], now).is_empty());
    assert_eq!(
        feed(&mut p, &"日".as_bytes()[1..], now),
        [k(KeyCode::Char('日'), KeyModifiers::NONE)]
    );
}

#[test]
fn a_paste_ends_at_its_marker_even_split() {
    let mut p = Parser::default();
    let now = Instant::now();
    assert!(feed(&mut p, b"\x1b[200~qp\nx\x1b[2", now).is_empty());
    let out = feed(&mut p, b"01~q", now);
    assert_eq!(
        out,
        [
            Event::Paste("qp\nx".into()),
            k(KeyCode::Char('q'), KeyModifiers::NONE)
        ]
    );
}

/// The bug: `ESC [200~` with no end swallowed every later key. Now a
/// quiet gap ends the paste, and `q` and Ctrl-c are keys again.
#[test]
fn an_unfinished_paste_ends_after_a_gap() {
    let mut p = Parser::default();
    let t0 = Instant::now();
    assert!(feed(&mut p, b"\x1b[200~abc", t0).is_empty());
    assert_eq!(p.wait(), Some(PASTE_GAP));
    let mut out = Vec::new();
    p.timeout(t0 + PASTE_GAP, &mut out);
    assert_eq!(out, [Event::Paste("abc".into())]);
    assert_eq!(p.wait(), None);
    let later = t0 + PASTE_GAP * 2;
    assert_eq!(
        feed(&mut p, b"q\x03", later),
        [
            k(KeyCode::Char('q'), KeyModifiers::NONE),
            k(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ]
    );
}

/// A paste that never goes quiet still ends after `PASTE_TIME`, and
/// keeps no more than `PASTE_MAX` bytes.
#[test]
fn an_endless_paste_ends_in_time_and_size() {
    let mut p = Parser::default();
    let t0 = Instant::now();
    feed(&mut p, b"\x1b[200~", t0);
    let chunk = vec![b'x'; 64 * 1024];
    let mut t = t0;
    let mut out = Vec::new();
    while out.is_empty() {
        t += Duration::from_millis(10);
        assert!(t - t0 < PASTE_TIME * 2, "the paste never ended");
        out = feed(&mut p, &chunk, t);
    }
    match out.first() {
        Some(Event::Paste(text)) => assert!(text.len() <= PASTE_MAX),
        other => panic!("{other:?}"),
    }
    assert!(t - t0 >= PASTE_TIME);
    // The bytes after the end are keys again.
    assert!(
        out[1..]
            .iter()
            .all(|e| *e == k(KeyCode::Char('x'), KeyModifiers::NONE))
    );
}

#[test]
fn endless_escape_sequences_are_dropped() {
    let mut p = Parser::default();
    let now = Instant::now();
    assert!(feed(&mut p, b"\x1b[", now).is_empty());
    for _ in 0..10 {
        assert!(feed(&mut p, &[b'1'; 30], now).is_empty());
    }
    // Its final byte ends it; the next key is a key.
    assert_eq!(
        feed(&mut p, b"~q", now),
        [k(KeyCode::Char('q'), KeyModifiers::NONE)]
    );
    // Cut off for good: a pause ends it too.
    feed(&mut p, &[b'1'; 100], now);
    let mut out = Vec::new();
    p.timeout(now + Duration::from_secs(1), &mut out);
    assert_eq!(
        feed(&mut p, b"1", now),
        [k(KeyCode::Char('1'), KeyModifiers::NONE)]
    );
}
