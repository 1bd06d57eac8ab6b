//! From longitude and latitude to the map's pixels: a plain equirectangular projection, longitudes scaled
//! by the cosine of the middle latitude (true to shape at a city's scale), fitted into a box.

use super::Position;

/// How the boundaries' bounding box is fitted into a drawing area of the given size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    scale: f64,
    cos_lat: f64,
    west: f64,
    north: f64,
    offset: (f64, f64),
}

impl Projection {
    /// Fits the positions into `width` × `height` pixels, centred, keeping the shapes' proportions.
    /// `None` without positions.
    pub fn fit<'a>(positions: impl IntoIterator<Item = &'a Position>, width: f64, height: f64) -> Option<Projection> {
        let (west, east, south, north) = bounds(positions)?;
        let cos_lat = ((south + north) / 2.0).to_radians().cos().max(0.01);
        let (span_x, span_y) = (((east - west) * cos_lat).max(1e-9), (north - south).max(1e-9));
        let scale = (width / span_x).min(height / span_y);
        let offset = ((width - span_x * scale) / 2.0, (height - span_y * scale) / 2.0);
        Some(Projection { scale, cos_lat, west, north, offset })
    }

    /// The position's pixel, x to the right and y down.
    pub fn project(&self, p: Position) -> (f64, f64) {
        (
            self.offset.0 + (p.lon - self.west) * self.cos_lat * self.scale,
            self.offset.1 + (self.north - p.lat) * self.scale,
        )
    }

    /// The height in pixels that the positions take at `width`, for a drawing as tall as the city is.
    pub fn height_for<'a>(positions: impl IntoIterator<Item = &'a Position>, width: f64) -> Option<f64> {
        let (west, east, south, north) = bounds(positions)?;
        let cos_lat = ((south + north) / 2.0).to_radians().cos().max(0.01);
        let span_x = ((east - west) * cos_lat).max(1e-9);
        Some(width * (north - south) / span_x)
    }
}

/// West, east, south and north ends of the positions; `None` without positions.
fn bounds<'a>(positions: impl IntoIterator<Item = &'a Position>) -> Option<(f64, f64, f64, f64)> {
    let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in positions {
        west = west.min(p.lon);
        east = east.max(p.lon);
        south = south.min(p.lat);
        north = north.max(p.lat);
    }
    (west <= east).then_some((west, east, south, north))
}
