//! Paints egui's output on the CPU for the image snapshots, so `cargo test`
//! needs no graphics driver and every machine draws the same pixels.
//!
//! It does what egui-wgpu's shader does with `RendererOptions::PREDICTABLE`
//! on the 8-bit gamma-space target egui_kittest renders into: the vertex
//! colour (premultiplied, gamma space) times the texel, textures read with
//! egui's own bilinear or nearest rule, blended `src + dst × (1 − src.a)`
//! onto a target cleared to transparent, clipped by the clip rect rounded to
//! whole pixels. Which pixels a triangle paints is decided exactly: corners
//! snap to 1/256 of a pixel and integer edge tests with the top-left rule
//! give every pixel centre on a shared edge to one triangle only, as a GPU
//! does. The arithmetic is plain `f32` without fused or transcendental
//! operations, so the bytes are the same on every machine.
//!
//! Give it to a harness that takes snapshots with
//! `Harness::builder().renderer(CpuRenderer::default())`: without a renderer
//! a snapshot fails with "No default renderer available".

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, ImageDelta, Primitive, TextureId, Vertex};
use egui::{
    Color32, Rect, TextureFilter, TextureOptions, TextureWrapMode, TexturesDelta, pos2, vec2,
};
use egui_kittest::{Harness, TestRenderer};
use image::RgbaImage;

/// Subpixel steps per pixel for triangle corners, as GPUs snap them.
const SUBPIXEL: f32 = 256.0;

/// The textures egui has sent (the font atlas and any images), by id.
#[derive(Default)]
pub struct CpuRenderer {
    textures: HashMap<TextureId, Texture>,
}

struct Texture {
    width: usize,
    height: usize,
    texels: Vec<Color32>,
    options: TextureOptions,
}

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each texture's updates keep their order; textures are independent"
        )]
        for (id, updates) in delta.set.drain() {
            for update in updates {
                self.update(id, &update);
            }
        }
        #[expect(
            clippy::iter_over_hash_type,
            reason = "freeing one texture does not touch another"
        )]
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<RgbaImage, String> {
        let pixels_per_point = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * pixels_per_point;
        let mut target = Target::new(size.x.round() as u32, size.y.round() as u32);
        let primitives = ctx.tessellate(output.shapes.clone(), pixels_per_point);
        for ClippedPrimitive {
            clip_rect,
            primitive,
        } in primitives
        {
            let Primitive::Mesh(mesh) = primitive else {
                return Err("a paint callback runs GPU code, which a CPU renderer cannot".into());
            };
            let texture = self.textures.get(&mesh.texture_id).ok_or_else(|| {
                format!(
                    "the frame paints with {:?}, which egui never sent",
                    mesh.texture_id
                )
            })?;
            let clip = Clip::new(clip_rect, pixels_per_point, &target);
            for corners in mesh.indices.chunks_exact(3) {
                let vertex = |i: usize| {
                    mesh.vertices.get(corners[i] as usize).ok_or_else(|| {
                        format!("a mesh index {} points past its vertices", corners[i])
                    })
                };
                let triangle = [vertex(0)?, vertex(1)?, vertex(2)?];
                target.fill(triangle, texture, &clip, pixels_per_point);
            }
        }
        target.into_image()
    }
}

impl CpuRenderer {
    fn update(&mut self, id: TextureId, update: &ImageDelta) {
        let ImageData::Color(image) = &update.image;
        let [width, height] = image.size;
        match update.pos {
            None => {
                let texture = Texture {
                    width,
                    height,
                    texels: image.pixels.clone(),
                    options: update.options,
                };
                self.textures.insert(id, texture);
            }
            Some([x, y]) => {
                // A patch, such as new glyphs in the font atlas.
                if let Some(texture) = self.textures.get_mut(&id) {
                    let rows = image.pixels.chunks_exact(width).take(height);
                    for (row, patch) in rows.enumerate() {
                        let start = (y + row) * texture.width + x;
                        if let Some(dest) = texture.texels.get_mut(start..start + width) {
                            dest.copy_from_slice(patch);
                        }
                    }
                }
            }
        }
    }
}

/// The clip rect in whole pixels, as egui-wgpu's scissor rounds it.
struct Clip {
    min_x: i64,
    min_y: i64,
    max_x: i64,
    max_y: i64,
}

impl Clip {
    fn new(rect: egui::Rect, pixels_per_point: f32, target: &Target) -> Self {
        let round = |v: f32, limit: u32| {
            ((v * pixels_per_point).round().max(0.0) as i64).min(i64::from(limit))
        };
        let min_x = round(rect.min.x, target.width);
        let min_y = round(rect.min.y, target.height);
        Clip {
            min_x,
            min_y,
            max_x: round(rect.max.x, target.width).max(min_x),
            max_y: round(rect.max.y, target.height).max(min_y),
        }
    }
}

/// A corner in subpixel units.
#[derive(Clone, Copy)]
struct Corner {
    x: i64,
    y: i64,
}

/// Twice the signed area of (a, b, p): positive when p lies inside the
/// edge a→b of a triangle wound clockwise on screen (y grows downwards).
fn edge(a: Corner, b: Corner, p: Corner) -> i64 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

/// A pixel centre exactly on an edge belongs to the triangle only if the
/// edge is a top or a left one, so two triangles never share a pixel.
fn top_left(a: Corner, b: Corner) -> bool {
    (a.y == b.y && b.x > a.x) || b.y < a.y
}

struct Target {
    width: u32,
    height: u32,
    /// Premultiplied RGBA, row by row from the top, 8 bits a channel.
    pixels: Vec<[u8; 4]>,
}

impl Target {
    fn new(width: u32, height: u32) -> Self {
        Target {
            width,
            height,
            pixels: vec![[0; 4]; width as usize * height as usize],
        }
    }

    fn fill(
        &mut self,
        triangle: [&Vertex; 3],
        texture: &Texture,
        clip: &Clip,
        pixels_per_point: f32,
    ) {
        let snap = |v: &Vertex| Corner {
            x: (v.pos.x * pixels_per_point * SUBPIXEL).round() as i64,
            y: (v.pos.y * pixels_per_point * SUBPIXEL).round() as i64,
        };
        let [mut v0, mut v1, v2] = triangle;
        let (mut p0, mut p1, p2) = (snap(v0), snap(v1), snap(v2));
        let mut area = edge(p0, p1, p2);
        if area == 0 {
            return;
        }
        if area < 0 {
            // Wind every triangle the same way so one inside test serves all.
            (v0, v1) = (v1, v0);
            (p0, p1) = (p1, p0);
            area = -area;
        }
        let sub = SUBPIXEL as i64;
        let bound = |lo: i64, hi: i64, clip_lo: i64, clip_hi: i64| {
            // Pixels whose centre (n + 0.5) can fall within [lo, hi].
            let first = (lo - sub / 2).div_euclid(sub).max(clip_lo);
            let last = (hi - sub / 2).div_euclid(sub).min(clip_hi - 1);
            (first, last)
        };
        let (x0, x1) = bound(
            p0.x.min(p1.x).min(p2.x),
            p0.x.max(p1.x).max(p2.x),
            clip.min_x,
            clip.max_x,
        );
        let (y0, y1) = bound(
            p0.y.min(p1.y).min(p2.y),
            p0.y.max(p1.y).max(p2.y),
            clip.min_y,
            clip.max_y,
        );
        let edges = [(p1, p2), (p2, p0), (p0, p1)];
        // A centre exactly on an edge counts only for a top or left edge.
        let bias = edges.map(|(a, b)| i64::from(top_left(a, b)));
        // How each edge's value changes one pixel to the right.
        let step = edges.map(|(a, b)| (a.y - b.y) * sub);
        let shader = Shader::new([v0, v1, v2], texture);
        let inv_area = 1.0 / area as f32;
        let width = self.width as usize;
        for y in y0..=y1 {
            let start = Corner {
                x: x0 * sub + sub / 2,
                y: y * sub + sub / 2,
            };
            let mut e = edges.map(|(a, b)| edge(a, b, start));
            let mut entered = false;
            for x in x0..=x1 {
                if e[0] + bias[0] > 0 && e[1] + bias[1] > 0 && e[2] + bias[2] > 0 {
                    entered = true;
                    let source = match shader.flat {
                        Some(colour) => colour,
                        None => shader.at([
                            e[0] as f32 * inv_area,
                            e[1] as f32 * inv_area,
                            e[2] as f32 * inv_area,
                        ]),
                    };
                    self.blend(y as usize * width + x as usize, source);
                } else if entered {
                    // A triangle is convex: past its far edge the row is done.
                    break;
                }
                e = [e[0] + step[0], e[1] + step[1], e[2] + step[2]];
            }
        }
    }

    /// Premultiplied source-over into 8 bits, as the GPU's blend state does.
    fn blend(&mut self, index: usize, source: [f32; 4]) {
        if source == [0.0; 4] {
            return;
        }
        let Some(pixel) = self.pixels.get_mut(index) else {
            return;
        };
        let dest = pixel.map(|c| f32::from(c) / 255.0);
        let out = [
            source[0] + dest[0] * (1.0 - source[3]),
            source[1] + dest[1] * (1.0 - source[3]),
            source[2] + dest[2] * (1.0 - source[3]),
            source[3] * (1.0 - dest[3]) + dest[3],
        ];
        *pixel = out.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8);
    }

    fn into_image(self) -> Result<RgbaImage, String> {
        let bytes = self.pixels.into_iter().flatten().collect();
        RgbaImage::from_raw(self.width, self.height, bytes)
            .ok_or_else(|| "the painted frame does not fill its image".into())
    }
}

/// What a triangle paints: its corners' colours and texture points,
/// mixed by a pixel's weights, the colour times the texel.
struct Shader<'t> {
    colours: [[f32; 4]; 3],
    uvs: [[f32; 2]; 3],
    texture: &'t Texture,
    /// The one colour of a triangle whose corners share colour and texture
    /// point, as every solid fill does: worked out once, not per pixel.
    flat: Option<[f32; 4]>,
}

impl<'t> Shader<'t> {
    fn new(v: [&Vertex; 3], texture: &'t Texture) -> Self {
        let colours = v.map(|v| v.color.to_array().map(|c| f32::from(c) / 255.0));
        let uvs = v.map(|v| [v.uv.x, v.uv.y]);
        let same = |i: usize| v[i].color == v[0].color && v[i].uv == v[0].uv;
        let mut shader = Shader {
            colours,
            uvs,
            texture,
            flat: None,
        };
        if same(1) && same(2) {
            shader.flat = Some(shader.at([1.0, 0.0, 0.0]));
        }
        shader
    }

    fn at(&self, w: [f32; 3]) -> [f32; 4] {
        let mix = |a: f32, b: f32, c: f32| w[0] * a + w[1] * b + w[2] * c;
        let [a, b, c] = self.uvs;
        let texel = self
            .texture
            .sample(mix(a[0], b[0], c[0]), mix(a[1], b[1], c[1]));
        let [a, b, c] = self.colours;
        [0, 1, 2, 3].map(|i| mix(a[i], b[i], c[i]) * texel[i])
    }
}

impl Texture {
    /// egui-wgpu's predictable filtering: the texel under the point, or four
    /// texels around it mixed by distance, wrapped by the texture's mode.
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let (w, h) = (self.width as f32, self.height as f32);
        if self.options.magnification == TextureFilter::Nearest {
            return self.texel((u * w).floor() as i64, (v * h).floor() as i64);
        }
        let (x, y) = (u * w - 0.5, v * h - 0.5);
        let (fx, fy) = (x - x.floor(), y - y.floor());
        let (x, y) = (x.floor() as i64, y.floor() as i64);
        let mix =
            |a: [f32; 4], b: [f32; 4], t: f32| [0, 1, 2, 3].map(|c| a[c] * (1.0 - t) + b[c] * t);
        let top = mix(self.texel(x, y), self.texel(x + 1, y), fx);
        let bottom = mix(self.texel(x, y + 1), self.texel(x + 1, y + 1), fx);
        mix(top, bottom, fy)
    }

    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let x = wrap(x, self.width, self.options.wrap_mode);
        let y = wrap(y, self.height, self.options.wrap_mode);
        let texel = self
            .texels
            .get(y * self.width + x)
            .copied()
            .unwrap_or_default();
        texel.to_array().map(|c| f32::from(c) / 255.0)
    }
}

fn wrap(coord: i64, size: usize, mode: TextureWrapMode) -> usize {
    let size = size.max(1) as i64;
    let wrapped = match mode {
        TextureWrapMode::ClampToEdge => coord.clamp(0, size - 1),
        TextureWrapMode::Repeat => coord.rem_euclid(size),
        TextureWrapMode::MirroredRepeat => {
            let phase = coord.rem_euclid(2 * size);
            phase.min(2 * size - 1 - phase)
        }
    };
    wrapped as usize
}

#[test]
fn a_translucent_fill_blends_once_on_every_pixel_it_covers() {
    let mut harness = Harness::builder()
        .with_size(vec2(40.0, 40.0))
        .renderer(CpuRenderer::default())
        .build_ui(|ui| {
            let square = Rect::from_min_max(pos2(10.0, 10.0), pos2(30.0, 30.0));
            ui.painter().rect_filled(square, 0.0, Color32::BLUE);
            // Drawn as two triangles whose shared diagonal runs through
            // pixel centres: a pixel painted by both would come out redder.
            let red = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
            ui.painter().rect_filled(square, 0.0, red);
        });
    let image = harness.render().unwrap_or_else(|err| panic!("{err}"));
    for y in 12..28 {
        for x in 12..28 {
            // 128 of red over blue: 128 + 0, 0, 0 + 255 × (1 − 128/255).
            assert_eq!(
                image.get_pixel(x, y).0,
                [128, 0, 127, 255],
                "pixel ({x}, {y})"
            );
        }
    }
}
