//! Fewer positions for boundaries too detailed for a city map (Douglas–Peucker on each ring), down to a
//! budget of positions, with every ring still closed and of at least four positions.

use super::{Position, Regions, Ring};

/// A ring with fewer positions: those within `tolerance` degrees of the line between kept neighbours go.
/// Closed rings stay closed and keep at least four positions (three corners and the first again).
pub fn ring(ring: &[Position], tolerance: f64) -> Ring {
    // Without its repeated last position; a ring too short or not closed is left as it is (the rules
    // refuse it elsewhere).
    if ring.len() < 5 || ring.first() != ring.last() {
        return ring.to_vec();
    }
    let open = &ring[..ring.len() - 1];
    // Split where the ring is widest: at the first position and the one farthest from it, so that neither
    // half degenerates into a line from a point to itself.
    let far = (1..open.len())
        .max_by(|&a, &b| distance2(open[0], open[a]).total_cmp(&distance2(open[0], open[b])))
        .unwrap_or(1);
    let mut keep = vec![false; open.len() + 1];
    keep[0] = true;
    keep[far] = true;
    keep[open.len()] = true;
    let closed: Vec<Position> = open.iter().copied().chain(std::iter::once(open[0])).collect();
    mark(&closed, 0, far, tolerance * tolerance, &mut keep);
    mark(&closed, far, open.len(), tolerance * tolerance, &mut keep);
    let mut kept: Vec<Position> = closed.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| *p).collect();
    if kept.len() < 4 {
        // Three corners: the two ends of the split and the position farthest from the line between them.
        let third = (1..open.len())
            .filter(|&i| i != far)
            .max_by(|&a, &b| {
                segment_distance2(open[a], open[0], open[far])
                    .total_cmp(&segment_distance2(open[b], open[0], open[far]))
            })
            .unwrap_or(1);
        let mut corners = [0, far, third];
        corners.sort_unstable();
        kept = corners.iter().map(|&i| open[i]).chain(std::iter::once(open[0])).collect();
    }
    kept
}

/// Marks the positions between `from` and `to` that stand farther than the tolerance from the line
/// between kept ones. A stack, not recursion: a ring of 100 000 positions does not exhaust the stack.
fn mark(points: &[Position], from: usize, to: usize, tolerance2: f64, keep: &mut [bool]) {
    let mut stack = vec![(from, to)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (farthest, d2) = (a + 1..b)
            .map(|i| (i, segment_distance2(points[i], points[a], points[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .expect("a range of at least one position");
        if d2 > tolerance2 {
            keep[farthest] = true;
            stack.push((a, farthest));
            stack.push((farthest, b));
        }
    }
}

fn distance2(a: Position, b: Position) -> f64 {
    (a.lon - b.lon).powi(2) + (a.lat - b.lat).powi(2)
}

/// The squared distance from `p` to the segment from `a` to `b`.
fn segment_distance2(p: Position, a: Position, b: Position) -> f64 {
    let (dx, dy) = (b.lon - a.lon, b.lat - a.lat);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return distance2(p, a);
    }
    let t = (((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / length2).clamp(0.0, 1.0);
    distance2(p, Position { lon: a.lon + t * dx, lat: a.lat + t * dy })
}

/// The boundaries with at most `budget` positions where simplifying can reach it: the smallest tolerance
/// that does (found by halving), so that shapes lose no more detail than the budget asks. Returns the
/// tolerance used, in degrees (0 when the boundaries were within the budget).
pub fn to_budget(regions: &mut Regions, budget: usize) -> f64 {
    if regions.positions() <= budget {
        return 0.0;
    }
    let simplified = |tolerance: f64| -> Regions {
        let mut copy = regions.clone();
        for region in &mut copy.features {
            for polygon in region.geometry.polygons_mut() {
                for r in polygon.iter_mut() {
                    *r = ring(r, tolerance);
                }
            }
        }
        copy
    };
    // About 1 m to about 100 km at the equator: below, nothing is gained; above, a city is one triangle.
    let (mut low, mut high) = (1e-5_f64, 1.0_f64);
    let mut best = simplified(high);
    if best.positions() > budget {
        // Even the coarsest shapes are over the budget (many small islands): they are what can be had.
        *regions = best;
        return high;
    }
    for _ in 0..24 {
        let middle = (low * high).sqrt();
        let candidate = simplified(middle);
        if candidate.positions() <= budget {
            high = middle;
            best = candidate;
        } else {
            low = middle;
        }
        if high / low < 1.05 {
            break;
        }
    }
    *regions = best;
    high
}
