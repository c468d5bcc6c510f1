//! Share cards: one statement drawn as a 1200×630 PNG, the picture a link
//! preview shows for a quote page.
//!
//! The card is an SVG document, laid out here and drawn by resvg. The lines
//! are broken here, not by the renderer: SVG text does not wrap, and only a
//! layout measured with the glyphs that will be drawn is sure to fit. The
//! one font is compiled in and is the only one the renderer knows, so a card
//! looks the same on every machine and nothing is read from the system.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::views::Part;
use crate::text::escape_markup;

mod fonts;
mod wrap;

use fonts::{fonts, Face, Fonts, FAMILY};
use wrap::{clean, fit_line, wrap};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
pub const CONTENT_TYPE: &str = "image/png";

/// What a card shows.
pub struct Card {
    /// The statement: the speaker's quoted words and the reporter's frame.
    pub parts: Vec<Part>,
    /// For reported speech, the line above the words that says so ("As
    /// reported by Outlet — not his exact words"); the words are then the
    /// reporter's, the quoted fragments set apart in the speaker's colour.
    pub reported: Option<String>,
    /// "Outlet, date".
    pub source: String,
    /// The account whose embedded post carried the statement.
    pub via: Option<String>,
    pub speaker: String,
    /// A tracked speaker's role ("President of the United States").
    pub role: Option<String>,
    pub topic: Option<String>,
    pub summit: String,
    /// The speaker's colour, as `#rrggbb`.
    pub colour: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("the compiled-in font cannot be read: {0}")]
    Font(String),
    #[error("the card's SVG does not parse: {0}")]
    Svg(#[from] usvg::Error),
    #[error("no canvas of {WIDTH}×{HEIGHT}")]
    Canvas,
    #[error("the card cannot be encoded as PNG: {0}")]
    Png(String),
}

/// A topic's card: the leaders side by side, one statement of each.
pub struct PairCard {
    pub topic: String,
    pub summit: String,
    /// The first two are drawn.
    pub sides: Vec<Side>,
}

/// One leader's half of a topic card.
pub struct Side {
    pub speaker: String,
    pub colour: &'static str,
    /// No parts: the coverage has nothing from this leader on the topic.
    pub parts: Vec<Part>,
    /// Reported speech: the speaker's quoted words are set apart, and the
    /// half says it is reported.
    pub reported: bool,
    /// "Outlet, date".
    pub source: String,
}

/// The card as PNG bytes.
pub fn render(card: &Card) -> Result<Vec<u8>, CardError> {
    encode(&draw_svg(&svg(card, fonts()?))?).map_err(|e| CardError::Png(e.to_string()))
}

/// A topic's card as PNG bytes.
pub fn render_pair(card: &PairCard) -> Result<Vec<u8>, CardError> {
    encode(&draw_svg(&pair_svg(card, fonts()?))?).map_err(|e| CardError::Png(e.to_string()))
}

/// The pixels as an RGB PNG. The card is opaque (its background covers
/// it), so the alpha channel says nothing; without it, and with a filter
/// chosen per row, a card takes half the bytes of tiny-skia's RGBA PNG.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::with_capacity(rgb.len() / 16);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
fn draw(card: &Card) -> Result<Pixmap, CardError> {
    draw_svg(&svg(card, fonts()?))
}

fn draw_svg(doc: &str) -> Result<Pixmap, CardError> {
    let fonts = fonts()?;
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts.db.clone(),
        // A card has no images; nothing in one may make the renderer read a file.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(doc, &options)?;
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or(CardError::Canvas)?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

/// Left edge of the text and its widest line. The measured widths leave
/// out kerning, which only narrows DejaVu's lines, and the right margin
/// takes up what remains.
const LEFT: f32 = 80.0;
const TEXT_WIDTH: f32 = 1040.0;
/// The stripe in the speaker's colour, as the pages' cards have.
const STRIPE: f32 = 20.0;
/// The band the statement's lines are centred in.
const QUOTE_TOP: f32 = 140.0;
const QUOTE_BOTTOM: f32 = 450.0;
/// The line that says a statement is reported, above its words, and the
/// room it takes from their band.
const REPORTED_SIZE: f32 = 26.0;
const REPORTED_BAND: f32 = 48.0;
/// Sizes to try, largest first: a short statement is set large, a long one
/// smaller, and the smallest is cut if the words still do not fit.
const QUOTE_SIZES: [f32; 6] = [54.0, 47.0, 41.0, 36.0, 32.0, 28.0];
const LINE_HEIGHT: f32 = 1.3;
/// DejaVu Sans's ascent, in ems: where a line's baseline lies below its top.
const ASCENT: f32 = 0.93;

const HEADER_SIZE: f32 = 28.0;
const NAME_SIZE: f32 = 36.0;
const DETAIL_SIZE: f32 = 26.0;

/// The light theme's colours in static/style.css.
const BACKGROUND: &str = "#ffffff";
const TEXT: &str = "#1f2328";
const MUTED: &str = "#57606a";
const RULE: &str = "#d0d7de";
/// `--sp-0` … `--sp-5` and `--sp-other` of static/style.css: each reads at
/// 4.5:1 or better on white.
const SPEAKER_COLOURS: [&str; 6] = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#92400e", "#0f766e"];
const OTHER_SPEAKER: &str = "#57606a";

/// The colour of the speaker at `speaker` in the summit file, as the pages
/// give it (see `views::speaker_class`).
pub fn speaker_colour(speaker: Option<usize>) -> &'static str {
    speaker.map_or(OTHER_SPEAKER, |i| SPEAKER_COLOURS[i % SPEAKER_COLOURS.len()])
}

/// "As reported by Outlet — not his exact words".
pub fn reported_line(outlet: Option<&str>, possessive: &str) -> String {
    match outlet {
        Some(o) => format!("As reported by {o} \u{2014} not {possessive} exact words"),
        None => format!("As reported ({}) \u{2014} not {possessive} exact words", super::views::OUTLET_UNKNOWN),
    }
}

/// Where the speaker's own words start and end in reported speech: two
/// characters of the private-use area, which no article is read with (see
/// [`clean`]), take no room, and are turned into colour when drawn.
const THEIRS_START: char = '\u{e000}';
const THEIRS_END: char = '\u{e001}';

/// The words as the card shows them: quoted words in curly quotes, the
/// reporter's own without, as the quote page shows them. In reported
/// speech the quoted words are also marked, to be drawn set apart.
fn statement_text(parts: &[Part], reported: bool) -> String {
    let joined: String = parts
        .iter()
        .map(|p| {
            // An article's own private-use characters must not pass for marks.
            let text: String = p.text.chars().filter(|c| !matches!(*c, THEIRS_START | THEIRS_END)).collect();
            match (p.quoted, reported) {
                (true, true) => format!("\u{201c}{THEIRS_START}{}{THEIRS_END}\u{201d}", clean(&text)),
                (true, false) => format!("\u{201c}{}\u{201d}", clean(&text)),
                (false, _) => text,
            }
        })
        .collect();
    clean(&joined)
}

/// The statement's lines and the size they are set in, in the band from
/// `top` to [`QUOTE_BOTTOM`].
#[cfg(test)]
fn quote_lines(text: &str, face: &Face, top: f32) -> (f32, Vec<String>) {
    lines_in(text, face, &Band { top, ..Band::QUOTE })
}

/// Where a statement's lines go: a box, and the sizes to try in it.
#[derive(Clone, Copy)]
struct Band {
    x: f32,
    width: f32,
    top: f32,
    bottom: f32,
    sizes: &'static [f32],
}

impl Band {
    /// A quote card's.
    const QUOTE: Band = Band { x: LEFT, width: TEXT_WIDTH, top: QUOTE_TOP, bottom: QUOTE_BOTTOM, sizes: &QUOTE_SIZES };
}

/// The lines of `text` in `band` and the size they are set in: the largest
/// that fits, else the smallest, cut.
fn lines_in(text: &str, face: &Face, band: &Band) -> (f32, Vec<String>) {
    let smallest = band.sizes.last().copied().unwrap_or(QUOTE_SIZES[QUOTE_SIZES.len() - 1]);
    let mut last = (smallest, Vec::new());
    for &size in band.sizes {
        let max_lines = ((band.bottom - band.top) / (size * LINE_HEIGHT)) as usize;
        let measure = face.measure(size);
        let width = |c: char| if matches!(c, THEIRS_START | THEIRS_END) { 0.0 } else { measure(c) };
        let wrapped = wrap(text, band.width, max_lines, &width);
        if !wrapped.cut {
            return (size, wrapped.lines);
        }
        last = (size, wrapped.finish());
    }
    last
}

// ---------------------------------------------------------------------------
// The SVG document
// ---------------------------------------------------------------------------

fn svg(card: &Card, fonts: &Fonts) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\n\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BACKGROUND}\"/>\n\
         <rect width=\"{STRIPE}\" height=\"{HEIGHT}\" fill=\"{colour}\"/>\n",
        colour = card.colour
    );
    out.push_str(&header(&card.summit, fonts));
    let mut top = QUOTE_TOP;
    if let Some(line) = &card.reported {
        let line = fit_line(line, TEXT_WIDTH, &fonts.bold.measure(REPORTED_SIZE));
        out.push_str(&format!(
            "<text x=\"{LEFT}\" y=\"{y}\" font-size=\"{REPORTED_SIZE}\" font-weight=\"bold\" fill=\"{MUTED}\">{}</text>\n",
            escape_markup(&line),
            y = QUOTE_TOP + REPORTED_SIZE,
        ));
        top += REPORTED_BAND;
    }
    let theirs = if card.reported.is_some() { card.colour } else { TEXT };
    out.push_str(&quote(&statement_text(&card.parts, card.reported.is_some()), &fonts.regular, &Band { top, ..Band::QUOTE }, theirs));
    out.push_str(&footer(card, fonts));
    out.push_str("</svg>\n");
    out
}

/// A topic card: the topic, then a column for each of the first two
/// speakers with their name, one statement and its source.
fn pair_svg(card: &PairCard, fonts: &Fonts) -> String {
    const GAP: f32 = 40.0;
    const TOPIC_SIZE: f32 = 40.0;
    const SIDE_NAME_SIZE: f32 = 30.0;
    const SIDE_DETAIL_SIZE: f32 = 22.0;
    const SIDE_SIZES: [f32; 5] = [34.0, 30.0, 26.0, 23.0, 20.0];
    let half = (TEXT_WIDTH - GAP) / 2.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\n\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BACKGROUND}\"/>\n"
    );
    out.push_str(&header(&card.summit, fonts));
    let topic = fit_line(&card.topic, TEXT_WIDTH, &fonts.bold.measure(TOPIC_SIZE));
    out.push_str(&format!(
        "<text x=\"{LEFT}\" y=\"176\" font-size=\"{TOPIC_SIZE}\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>\n",
        escape_markup(&topic)
    ));
    for (n, side) in card.sides.iter().take(2).enumerate() {
        let x = LEFT + n as f32 * (half + GAP);
        let name = fit_line(&side.speaker, half, &fonts.bold.measure(SIDE_NAME_SIZE));
        out.push_str(&format!(
            "<rect x=\"{x}\" y=\"206\" width=\"{half}\" height=\"6\" fill=\"{colour}\"/>\n\
             <text x=\"{x}\" y=\"254\" font-size=\"{SIDE_NAME_SIZE}\" font-weight=\"bold\" fill=\"{colour}\">{}</text>\n",
            escape_markup(&name),
            colour = side.colour
        ));
        let mut top = 276.0;
        if side.reported {
            out.push_str(&format!(
                "<text x=\"{x}\" y=\"298\" font-size=\"{SIDE_DETAIL_SIZE}\" font-weight=\"bold\" fill=\"{MUTED}\">{}</text>\n",
                escape_markup(&fit_line("As reported \u{2014} not their exact words", half, &fonts.bold.measure(SIDE_DETAIL_SIZE)))
            ));
            top = 312.0;
        }
        let band = Band { x, width: half, top, bottom: 540.0, sizes: &SIDE_SIZES };
        let text = if side.parts.is_empty() {
            "Nothing reported on this topic.".to_string()
        } else {
            statement_text(&side.parts, side.reported)
        };
        out.push_str(&quote(&text, &fonts.regular, &band, if side.reported { side.colour } else { TEXT }));
        let source = fit_line(&side.source, half, &fonts.regular.measure(SIDE_DETAIL_SIZE));
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"590\" font-size=\"{SIDE_DETAIL_SIZE}\" fill=\"{MUTED}\">{}</text>\n",
            escape_markup(&source)
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// "Counterparts · <summit>", and a rule under it.
fn header(summit: &str, fonts: &Fonts) -> String {
    const SEPARATOR: &str = " \u{b7} ";
    let site = super::layout::SITE_NAME;
    let regular = fonts.regular.measure(HEADER_SIZE);
    let used = site.chars().map(fonts.bold.measure(HEADER_SIZE)).chain(SEPARATOR.chars().map(&regular)).sum::<f32>();
    let summit = fit_line(summit, TEXT_WIDTH - used, &regular);
    let summit = if summit.is_empty() { summit } else { format!("{SEPARATOR}{summit}") };
    format!(
        "<text x=\"{LEFT}\" y=\"86\" font-size=\"{HEADER_SIZE}\" xml:space=\"preserve\">\
         <tspan font-weight=\"bold\" fill=\"{TEXT}\">{site}</tspan><tspan fill=\"{MUTED}\">{}</tspan></text>\n\
         <rect x=\"{LEFT}\" y=\"114\" width=\"{TEXT_WIDTH}\" height=\"2\" fill=\"{RULE}\"/>\n",
        escape_markup(&summit)
    )
}

/// The statement's lines, centred in `band`: the speaker's own words
/// (between the marks of [`statement_text`]) in `theirs`, the reporter's
/// words in the muted colour.
fn quote(text: &str, face: &Face, band: &Band, theirs: &str) -> String {
    let (size, lines) = lines_in(text, face, band);
    let line_height = size * LINE_HEIGHT;
    let top = band.top + ((band.bottom - band.top) - line_height * lines.len() as f32) / 2.0;
    let first_baseline = top + (line_height - size) / 2.0 + size * ASCENT;
    let marked = text.contains(THEIRS_START);
    let base = if marked { MUTED } else { TEXT };
    let mut out = format!("<g font-size=\"{size}\" fill=\"{base}\">\n");
    // A fragment may run on over several lines.
    let mut inside = false;
    for (n, line) in lines.iter().enumerate() {
        let y = first_baseline + line_height * n as f32;
        out.push_str(&format!("<text x=\"{}\" y=\"{y:.1}\" xml:space=\"preserve\">", band.x));
        let mut run = String::new();
        let flush = |out: &mut String, run: &mut String, inside: bool| {
            if !run.is_empty() {
                let fill = if inside { theirs } else { base };
                out.push_str(&format!("<tspan fill=\"{fill}\">{}</tspan>", escape_markup(run)));
                run.clear();
            }
        };
        for c in line.chars() {
            match c {
                THEIRS_START | THEIRS_END => {
                    flush(&mut out, &mut run, inside);
                    inside = c == THEIRS_START;
                }
                c => run.push(c),
            }
        }
        flush(&mut out, &mut run, inside);
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");
    out
}

/// The speaker's name in their colour, then their role and the topic, then
/// where it was published ("Outlet, date", "via @account").
fn footer(card: &Card, fonts: &Fonts) -> String {
    let name = fit_line(&card.speaker, TEXT_WIDTH, &fonts.bold.measure(NAME_SIZE));
    let detail: Vec<String> =
        [card.role.clone(), card.topic.as_ref().map(|t| format!("on {t}"))].into_iter().flatten().collect();
    let detail = fit_line(&detail.join(" \u{b7} "), TEXT_WIDTH, &fonts.regular.measure(DETAIL_SIZE));
    let source = match &card.via {
        Some(via) => format!("{} \u{b7} via {via}", card.source),
        None => card.source.clone(),
    };
    let source = fit_line(&source, TEXT_WIDTH, &fonts.regular.measure(DETAIL_SIZE));
    format!(
        "<rect x=\"{LEFT}\" y=\"470\" width=\"88\" height=\"6\" fill=\"{colour}\"/>\n\
         <text x=\"{LEFT}\" y=\"520\" font-size=\"{NAME_SIZE}\" font-weight=\"bold\" fill=\"{colour}\">{}</text>\n\
         <text x=\"{LEFT}\" y=\"560\" font-size=\"{DETAIL_SIZE}\" fill=\"{MUTED}\">{}</text>\n\
         <text x=\"{LEFT}\" y=\"598\" font-size=\"{DETAIL_SIZE}\" fill=\"{MUTED}\">{}</text>\n",
        escape_markup(&name),
        escape_markup(&detail),
        escape_markup(&source),
        colour = card.colour
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, direct: bool) -> Vec<Part> {
        vec![Part { text: text.to_string(), quoted: direct }]
    }

    fn card(parts: Vec<Part>) -> Card {
        Card {
            reported: None,
            source: "Example News, 16 June 2021".into(),
            via: None,
            parts,
            speaker: "Joe Biden".into(),
            role: Some("President of the United States".into()),
            topic: Some("Cybersecurity".into()),
            summit: "Biden–Putin summit".into(),
            colour: speaker_colour(Some(0)),
        }
    }

    #[test]
    fn markup_and_quotes_are_escaped() {
        let mut c = card(words("<script>alert(1)</script> & </text><text>", true));
        c.speaker = "\"><svg onload=x>".into();
        let doc = svg(&c, fonts().unwrap());
        assert!(!doc.contains("<script") && !doc.contains("<svg onload") && !doc.contains("</text><text>"), "{doc}");
        assert!(doc.contains("&lt;script&gt;") && doc.contains("&amp;"), "{doc}");
        // It is still one well-formed document.
        assert!(draw(&c).is_ok());
    }

    #[test]
    fn cards_with_no_words_or_endless_words_still_draw() {
        let long = format!("before {} after", "x".repeat(5000));
        assert!(draw(&card(words(&long, true))).is_ok());
        assert!(draw(&card(words("", true))).is_ok());
        assert!(draw(&card(vec![])).is_ok());
    }
    #[test]
    fn cyrillic_is_measured_and_drawn_with_the_font() {
        let fonts = fonts().unwrap();
        let measure = fonts.regular.measure(36.0);
        // Real glyphs, not the missing-glyph box: "Ж" is wider than "г".
        assert!(fonts.regular.face.glyph_index('Ж').is_some());
        assert!(measure('Ж') > measure('г'));
        let text = "Мы обсудили кибербезопасность, стратегическую стабильность и обмен заключёнными";
        let w = wrap(text, 500.0, 10, &measure);
        assert_eq!(w.lines.join(" "), text);
        assert!(w.lines.iter().all(|l| l.chars().map(&measure).sum::<f32>() <= 500.0));
        let mut c = card(words(text, true));
        c.speaker = "Владимир Путин".into();
        assert!(render(&c).unwrap().starts_with(b"\x89PNG"));
    }

    #[test]
    fn direct_words_are_in_curly_quotes_and_reported_speech_is_not() {
        assert_eq!(statement_text(&words("We agreed.", true), false), "\u{201c}We agreed.\u{201d}");
        assert_eq!(statement_text(&words("he said they agreed", false), true), "he said they agreed");
        let mixed = vec![
            Part { text: "the talks were ".into(), quoted: false },
            Part { text: "constructive".into(), quoted: true },
            Part { text: " and long".into(), quoted: false },
        ];
        assert_eq!(statement_text(&mixed, false), "the talks were \u{201c}constructive\u{201d} and long");
        assert_eq!(statement_text(&mixed, true), "the talks were \u{201c}\u{e000}constructive\u{e001}\u{201d} and long");
    }

    #[test]
    fn reported_speech_says_so_and_draws_the_speakers_words_apart() {
        let mut c = card(vec![
            Part { text: "the talks were ".into(), quoted: false },
            Part { text: "constructive,".into(), quoted: true },
            Part { text: " he said".into(), quoted: false },
        ]);
        c.reported = Some(reported_line(Some("Example News"), "his"));
        let doc = svg(&c, fonts().unwrap());
        assert!(doc.contains("As reported by Example News \u{2014} not his exact words"), "{doc}");
        let theirs = format!("<tspan fill=\"{}\">constructive,</tspan>", c.colour);
        assert!(doc.contains(&theirs), "{doc}");
        assert!(doc.contains(&format!("<tspan fill=\"{MUTED}\">the talks were \u{201c}</tspan>")), "{doc}");
        assert!(!doc.contains('\u{e000}') && !doc.contains('\u{e001}'));
        assert!(draw(&c).is_ok());
        // A direct quote has no such line and is all in the text colour.
        let direct = svg(&card(words("We agreed.", true)), fonts().unwrap());
        assert!(!direct.contains("As reported") && direct.contains(&format!("<tspan fill=\"{TEXT}\">")), "{direct}");
        assert!(direct.contains("Example News, 16 June 2021"));
    }

    #[test]
    fn long_statements_are_set_smaller_and_short_ones_large() {
        let fonts = fonts().unwrap();
        let (short, _) = quote_lines("We agreed.", &fonts.regular, QUOTE_TOP);
        let (long, lines) = quote_lines(&"and the talks went on ".repeat(20), &fonts.regular, QUOTE_TOP);
        assert_eq!(short, QUOTE_SIZES[0]);
        assert!(long < short);
        assert!((long * LINE_HEIGHT) * lines.len() as f32 <= QUOTE_BOTTOM - QUOTE_TOP);
    }

    /// No text reaches the right margin: the last columns are background.
    #[test]
    fn text_stays_inside_the_card() {
        let fonts = fonts().unwrap();
        let wide = "WWWWW MMMMM ".repeat(60);
        let mut c = card(words(&wide, true));
        c.speaker = "W".repeat(200);
        c.role = Some("M".repeat(200));
        c.summit = "W".repeat(200);
        let pixmap = draw(&c).unwrap();
        let right_edge = (LEFT + TEXT_WIDTH + 12.0) as u32;
        for y in 0..HEIGHT {
            for x in right_edge..WIDTH {
                let p = pixmap.pixel(x, y).unwrap();
                assert_eq!((p.red(), p.green(), p.blue()), (255, 255, 255), "ink at ({x}, {y})");
            }
        }
        // And the words were drawn: ink inside the quote band.
        let inked =
            (QUOTE_TOP as u32..QUOTE_BOTTOM as u32).any(|y| pixmap.pixel(LEFT as u32 + 20, y).unwrap().red() < 128);
        assert!(inked);
        assert!(fonts.regular.measure(54.0)('W') > 0.0);
    }

    #[test]
    fn the_colours_are_the_stylesheets() {
        let css = include_str!("../../../static/style.css");
        for (i, colour) in SPEAKER_COLOURS.iter().enumerate() {
            assert!(css.contains(&format!("--sp-{i}: {colour};")), "--sp-{i} is not {colour}");
        }
        assert!(css.contains(&format!("--sp-other: {OTHER_SPEAKER};")));
        assert!(css.contains(&format!("--fg: {TEXT};")) && css.contains(&format!("--muted: {MUTED};")));
        assert_eq!(speaker_colour(Some(7)), SPEAKER_COLOURS[1]);
        assert_eq!(speaker_colour(None), OTHER_SPEAKER);
    }

    #[test]
    fn a_topic_card_sets_two_leaders_side_by_side() {
        let side = |name: &str, text: &str, reported: bool| Side {
            speaker: name.into(),
            colour: speaker_colour(Some(0)),
            parts: words(text, !reported),
            reported,
            source: "Example News, 16 June 2021".into(),
        };
        let card = PairCard {
            topic: "Cybersecurity".into(),
            summit: "Biden–Putin summit".into(),
            sides: vec![side("Joe Biden", "We agreed on experts.", false), side("Vladimir Putin", "he said the talks went well", true)],
        };
        let doc = pair_svg(&card, fonts().unwrap());
        assert!(doc.contains(">Joe Biden<") && doc.contains(">Vladimir Putin<") && doc.contains(">Cybersecurity<"), "{doc}");
        assert!(doc.contains("not their exact words"));
        let png = render_pair(&card).unwrap();
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
    }

    #[test]
    fn a_card_is_a_png_of_the_right_size() {
        let png = render(&card(words("We had a good meeting.", true))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), HEIGHT);
    }
}
