//! A report typeset once into pages. The preview draws those pages as
//! pixels and Save or Print writes the PDF from the very same pages, so
//! what the officer saw is what leaves the building.

use typst::diag::{Severity, SourceDiagnostic};
use typst::utils::Scalar;
use typst_layout::PagedDocument;

use super::ReportError;

/// The most pixels per typographic point a page is drawn at: an A4 page at
/// 8 is about 4,800 × 6,700 pixels, already past any screen.
const MOST_PIXELS_PER_PT: f32 = 8.0;

/// A report laid out into pages, ready to be drawn or written as PDF.
pub struct TypesetReport {
    pub(super) document: PagedDocument,
}

/// One page as pixels: `width × height` RGBA (premultiplied alpha; pages
/// are opaque white, so it is also plain RGBA), row after row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PagePixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl TypesetReport {
    /// How many pages the PDF has.
    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    /// Each page's width and height in typographic points (1/72 inch).
    pub fn page_sizes(&self) -> Vec<[f32; 2]> {
        self.document
            .pages()
            .iter()
            .map(|page| {
                let size = page.frame.size();
                [size.x.to_pt() as f32, size.y.to_pt() as f32]
            })
            .collect()
    }

    /// The PDF of exactly these pages, as PDF/A-2a (archival, tagged) and
    /// PDF/UA-1 (accessible): records go to a ministry's archive and to
    /// readers who use assistive technology. typst checks both standards
    /// as it writes and refuses a document that breaks either, so the
    /// error names what to fix in the template.
    pub fn pdf(&self) -> Result<Vec<u8>, ReportError> {
        let unprintable =
            super::glyphs::Unprintable::in_frames(self.document.pages().iter().map(|p| &p.frame));
        if !unprintable.is_empty() {
            return Err(ReportError::Refused(vec![unprintable.refusal()]));
        }
        let standards = typst_pdf::PdfStandards::new(&[
            typst_pdf::PdfStandard::A_2a,
            typst_pdf::PdfStandard::Ua_1,
        ])
        .map_err(|error| ReportError::Typesetting(error.message().to_string()))?;
        let options = typst_pdf::PdfOptions {
            standards,
            tagged: true,
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&self.document, &options).map_err(|errors| typesetting_error(&errors))
    }

    /// Page `index` (from 0) drawn at `pixels_per_pt`, or `None` past the
    /// last page. The resolution is kept between a tenth of a pixel and
    /// [`MOST_PIXELS_PER_PT`] per point.
    pub fn page_pixels(&self, index: usize, pixels_per_pt: f32) -> Option<PagePixels> {
        let page = self.document.pages().get(index)?;
        let scale = if pixels_per_pt.is_finite() {
            pixels_per_pt.clamp(0.1, MOST_PIXELS_PER_PT)
        } else {
            1.0
        };
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(f64::from(scale)),
            render_bleed: false,
        };
        let pixmap = typst_render::render(page, &options);
        Some(PagePixels {
            width: pixmap.width(),
            height: pixmap.height(),
            rgba: pixmap.take(),
        })
    }
}

/// The errors typst gave, as one sentence.
pub(super) fn typesetting_error(errors: &[SourceDiagnostic]) -> ReportError {
    ReportError::Typesetting(
        errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}
