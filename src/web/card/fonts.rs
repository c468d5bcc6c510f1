//! The one font a card is drawn in, compiled in: the renderer's database
//! and the same faces read for measuring.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

use super::CardError;

pub(super) const FAMILY: &str = "DejaVu Sans";
static REGULAR: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans-Bold.ttf");

/// The renderer's font database and the same faces, read for measuring.
pub(super) struct Fonts {
    pub(super) db: Arc<fontdb::Database>,
    pub(super) regular: Face,
    pub(super) bold: Face,
}

/// Glyph advances of one face, in ems.
pub(super) struct Face {
    pub(super) face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn parse(data: &'static [u8]) -> Result<Face, CardError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| CardError::Font(e.to_string()))?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        Ok(Face { face, units_per_em })
    }

    /// How far `c` moves the pen, in ems. A character the font lacks is
    /// drawn as its "missing" glyph (number 0), so it is measured as one.
    fn advance(&self, c: char) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em
    }

    /// The width of `c` at `size` pixels.
    pub(super) fn measure(&self, size: f32) -> impl Fn(char) -> f32 + '_ {
        move |c| self.advance(c) * size
    }
}

pub(super) fn fonts() -> Result<&'static Fonts, CardError> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS.get_or_init(|| load_fonts().map_err(|e| e.to_string())).as_ref().map_err(|e| CardError::Font(e.clone()))
}

fn load_fonts() -> Result<Fonts, CardError> {
    let mut db = fontdb::Database::new();
    for data in [REGULAR, BOLD] {
        if db.load_font_source(fontdb::Source::Binary(Arc::new(data))).is_empty() {
            return Err(CardError::Font("no face in the font file".into()));
        }
    }
    Ok(Fonts { db: Arc::new(db), regular: Face::parse(REGULAR)?, bold: Face::parse(BOLD)? })
}
