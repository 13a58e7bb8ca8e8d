//! The typeset pages in the preview: the worker draws one page at a time
//! at the resolution the zoom needs, and the window shows it as a texture,
//! one page at a time, with paging and zoom.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::{TextureHandle, Ui};

use super::PreviewError;
use super::worker::{PrintData, PrintWorker, WorkerReply};
use crate::ui::shown_error;

/// Typesettings are numbered across previews, so an answer meant for a
/// closed preview is never taken for this one's.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

/// Screen points per typographic point at 100 %: a page the size it
/// prints, on a screen of the nominal 96 dots per inch.
const ACTUAL_SIZE: f32 = 96.0 / 72.0;

/// The zoom steps + and − go through, in percent.
const ZOOM_STEPS: [u32; 9] = [25, 50, 75, 100, 125, 150, 200, 300, 400];

/// How large the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    /// The page as wide as the preview.
    #[default]
    FitWidth,
    /// Percent of the size it prints.
    Percent(u32),
}

/// The pages of the document in the preview.
#[derive(Default)]
pub struct PageView {
    generation: u64,
    /// `None` while the worker typesets; then each page's size in points,
    /// or why there are no pages.
    pages: Option<Result<Vec<[f32; 2]>, PreviewError>>,
    /// The page shown, from 0.
    pub current: usize,
    pub zoom: Zoom,
    /// Drawn pages and the pixels per point they were drawn at.
    textures: BTreeMap<usize, (f32, TextureHandle)>,
    /// The page being drawn, so it is asked for once.
    asked: Option<(usize, f32)>,
}

impl PageView {
    /// Typesets `data` afresh; the pages shown so far stay until the new
    /// ones arrive, so changing an option does not blank the preview.
    pub fn typeset(&mut self, worker: &PrintWorker, data: PrintData) -> Result<(), PreviewError> {
        self.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        self.asked = None;
        if worker.typeset(self.generation, data) {
            Ok(())
        } else {
            Err(PreviewError::WorkerStopped)
        }
    }

    /// There are no pages to show, and why.
    pub fn none(&mut self, why: PreviewError) {
        self.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        self.pages = Some(Err(why));
        self.textures.clear();
        self.asked = None;
    }

    /// The typesetting the pages belong to.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// How many pages there are, once typeset.
    pub fn page_count(&self) -> Option<usize> {
        match &self.pages {
            Some(Ok(pages)) => Some(pages.len()),
            _ => None,
        }
    }

    /// Takes the worker's answers about pages; hands back any other.
    pub fn take(&mut self, ctx: &egui::Context, outcome: WorkerReply) -> Option<WorkerReply> {
        match outcome {
            WorkerReply::Typeset { generation, pages } => {
                if generation == self.generation {
                    self.textures.clear();
                    self.asked = None;
                    let count = pages.as_ref().map(Vec::len).unwrap_or(0);
                    self.current = self.current.min(count.saturating_sub(1));
                    self.pages = Some(pages);
                }
                None
            }
            WorkerReply::Page {
                generation,
                index,
                pixels_per_pt,
                pixels,
            } => {
                if generation == self.generation {
                    let size = [pixels.width as usize, pixels.height as usize];
                    let image = egui::ColorImage::from_rgba_premultiplied(size, &pixels.rgba);
                    let texture = ctx.load_texture(
                        format!("print-page-{generation}-{index}"),
                        image,
                        egui::TextureOptions::LINEAR,
                    );
                    self.textures.insert(index, (pixels_per_pt, texture));
                    if self.asked == Some((index, pixels_per_pt)) {
                        self.asked = None;
                    }
                }
                None
            }
            other => Some(other),
        }
    }

    /// Paging and zoom.
    pub fn toolbar_ui(&mut self, ui: &mut Ui) {
        let count = self.page_count().unwrap_or(0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(self.current > 0, egui::Button::new("◀ Previous page"))
                .clicked()
            {
                self.current = self.current.saturating_sub(1);
            }
            if count > 0 {
                ui.label(format!("Page {} of {count}", self.current + 1));
            } else {
                ui.label("No pages yet");
            }
            if ui
                .add_enabled(self.current + 1 < count, egui::Button::new("Next page ▶"))
                .clicked()
            {
                self.current += 1;
            }
            ui.separator();
            ui.selectable_value(&mut self.zoom, Zoom::FitWidth, "Fit width")
                .on_hover_text("Show the page as wide as the preview");
            ui.selectable_value(&mut self.zoom, Zoom::Percent(100), "100%")
                .on_hover_text("Show the page the size it prints");
            let percent = self.shown_percent(ui.available_width());
            if ui
                .add_enabled(percent > ZOOM_STEPS[0], egui::Button::new("−"))
                .on_hover_text("Zoom out")
                .clicked()
            {
                let step = ZOOM_STEPS.iter().rev().find(|&&s| s < percent);
                self.zoom = Zoom::Percent(step.copied().unwrap_or(ZOOM_STEPS[0]));
            }
            ui.label(format!("Zoom: {percent}%"));
            if ui
                .add_enabled(
                    percent < ZOOM_STEPS[ZOOM_STEPS.len() - 1],
                    egui::Button::new("+"),
                )
                .on_hover_text("Zoom in")
                .clicked()
            {
                let step = ZOOM_STEPS.iter().find(|&&s| s > percent);
                self.zoom =
                    Zoom::Percent(step.copied().unwrap_or(ZOOM_STEPS[ZOOM_STEPS.len() - 1]));
            }
        });
    }

    /// The zoom in percent, fit width worked out for `width` points.
    fn shown_percent(&self, width: f32) -> u32 {
        let per_pt = self.points_per_pt(width);
        (per_pt / ACTUAL_SIZE * 100.0).round() as u32
    }

    /// Screen points per typographic point on the page shown.
    fn points_per_pt(&self, width: f32) -> f32 {
        match self.zoom {
            Zoom::Percent(percent) => percent as f32 / 100.0 * ACTUAL_SIZE,
            Zoom::FitWidth => match self.current_size() {
                Some([page_width, _]) if page_width > 0.0 => (width - 24.0).max(100.0) / page_width,
                _ => ACTUAL_SIZE,
            },
        }
    }

    fn current_size(&self) -> Option<[f32; 2]> {
        match &self.pages {
            Some(Ok(pages)) => pages.get(self.current).copied(),
            _ => None,
        }
    }

    /// The page itself, asking the worker to draw it when it is not drawn
    /// yet at the resolution the zoom needs.
    pub fn page_ui(&mut self, ui: &mut Ui, worker: &PrintWorker) {
        let Some(pages) = &self.pages else {
            ui.label("Typesetting the pages…");
            return;
        };
        if let Err(why) = pages {
            shown_error::label(ui, why.to_string());
            return;
        }
        let Some([width, height]) = self.current_size() else {
            ui.label("The document has no pages.");
            return;
        };
        let per_pt = self.points_per_pt(ui.available_width());
        // Drawn in quarter steps so a small change of window size does not
        // ask for the page again.
        let wanted = ((per_pt * ui.ctx().pixels_per_point() * 4.0).ceil() / 4.0).clamp(0.25, 4.0);
        let drawn = self.textures.get(&self.current);
        if drawn.is_none_or(|(at, _)| *at != wanted)
            && self.asked != Some((self.current, wanted))
            && worker.page(self.generation, self.current, wanted)
        {
            self.asked = Some((self.current, wanted));
        }
        let size = egui::vec2(width * per_pt, height * per_pt);
        let count = self.page_count().unwrap_or(0);
        egui::ScrollArea::both()
            .id_salt("print-preview-page")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    match self.textures.get(&self.current) {
                        // A page drawn at another zoom stands in until the
                        // sharper one arrives.
                        Some((_, texture)) => {
                            egui::Frame::new()
                                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                                .show(ui, |ui| {
                                    ui.add(
                                        egui::Image::from_texture((texture.id(), size))
                                            .fit_to_exact_size(size)
                                            .alt_text(format!(
                                                "Page {} of {count} as it prints",
                                                self.current + 1
                                            )),
                                    );
                                });
                        }
                        None => {
                            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                            let visuals = ui.visuals();
                            ui.painter()
                                .rect_filled(rect, 0.0, visuals.extreme_bg_color);
                            ui.painter().text(
                                rect.center(),
                                egui::Align2::CENTER_CENTER,
                                "Drawing the page…",
                                egui::FontId::proportional(14.0),
                                visuals.weak_text_color(),
                            );
                        }
                    }
                });
            });
    }
}
