//! Large synthetic datasets for tests and benchmarks: deterministic for a seed, shaped like a real
//! master plan (every dimension and sub-dimension, some forty agencies, optional fields filled in part).

use crate::format::{Agency, Dataset, Dimension, Horizon, Plan, Program, Status, SubDimension};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same dataset everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const AGENCIES: usize = 40;
const WORDS: [&str; 16] = [
    "Layanan",
    "Sistem",
    "Aplikasi",
    "Pengembangan",
    "Digitalisasi",
    "Integrasi",
    "Portal",
    "Data",
    "Pelatihan",
    "Kampung",
    "Pasar",
    "Wisata",
    "Kesehatan",
    "Sekolah",
    "Transportasi",
    "Lingkungan",
];

/// A master plan of `programs` programs for a made-up city.
pub fn synthetic_dataset(programs: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix(seed);
    let agencies: Vec<Agency> = (1..=AGENCIES)
        .map(|i| Agency {
            id: format!("opd-{i:02}"),
            name: format!("Organisasi Perangkat Daerah {i}"),
            short_name: Some(format!("OPD {i}")),
            extra: Default::default(),
        })
        .collect();
    let programs = (0..programs)
        .map(|i| {
            let sub = SubDimension::ALL[rng.below(SubDimension::ALL.len() as u64) as usize];
            let dimension: Dimension = sub.dimension();
            let status = match rng.below(100) {
                0..=14 => Status::Done,
                15..=59 => Status::Running,
                60..=74 => Status::Discussion,
                _ => Status::NotStarted,
            };
            let start = 2019 + rng.below(4) as i32;
            let postponed = status == Status::NotStarted && rng.chance(20);
            Program {
                id: format!("{}-{:05}", &dimension.code()[..3].to_uppercase(), i + 1),
                name: format!(
                    "{} {} {} {}",
                    WORDS[rng.below(16) as usize],
                    WORDS[rng.below(16) as usize].to_lowercase(),
                    dimension.code(),
                    i + 1
                ),
                dimension,
                subdimension: rng.chance(80).then_some(sub),
                status,
                agency: rng.chance(90).then(|| agencies[rng.below(AGENCIES as u64) as usize].id.clone()),
                quick_win: rng.chance(10),
                horizon: Some([Horizon::Short, Horizon::Medium, Horizon::Long][rng.below(3) as usize]),
                start_year: Some(start),
                target_year: Some(start + rng.below(5) as i32),
                progress: matches!(status, Status::Running).then(|| rng.below(100) as i64),
                budget_planned: rng.chance(60).then(|| (rng.below(500) as i64 + 1) * 10_000_000),
                budget_realized: None,
                rpjmd: Some(rng.chance(70)),
                renstra: Some(rng.chance(60)),
                postponed_to: postponed.then_some(2021 + rng.below(3) as i32),
                delay_reason: postponed.then(|| "Refocusing anggaran".to_owned()),
                apps: Vec::new(),
                evidence: Vec::new(),
                locations: Vec::new(),
                notes: None,
                extra: Default::default(),
            }
        })
        .collect();
    Dataset {
        plan: Plan {
            city: "Kota Sintetis".into(),
            province: Some("Provinsi Contoh".into()),
            title: Some("Masterplan Smart City (data sintetis)".into()),
            start_year: Some(2019),
            end_year: Some(2028),
            legal_basis: None,
            extra: Default::default(),
        },
        agencies,
        programs,
        evaluations: Vec::new(),
        regions: None,
        exported_at: None,
        extra: Default::default(),
    }
}

/// A province-sized map for benchmarks: `kecamatan` kecamatan of `per_kecamatan` kelurahan each, every
/// kelurahan a ring of `positions` positions, and the dataset's programs located in one or two kelurahan
/// (a fifth of them city-wide). Deterministic for a seed.
pub fn with_province_regions(
    mut dataset: Dataset,
    kecamatan: usize,
    per_kecamatan: usize,
    positions: usize,
    seed: u64,
) -> Dataset {
    use crate::geo::{CollectionType, FeatureType, Geometry, Position, Region, RegionProperties, Regions};
    let mut random = SplitMix(seed);
    let columns = ((kecamatan * per_kecamatan) as f64).sqrt().ceil() as usize;
    let cell = 0.02;
    let mut features = Vec::new();
    let mut kelurahan_codes = Vec::new();
    let ring = |i: usize, random: &mut SplitMix| -> Vec<Position> {
        let (column, row) = (i % columns, i / columns);
        let (lon, lat) = (104.0 + column as f64 * cell + cell / 2.0, 0.5 + row as f64 * cell + cell / 2.0);
        let mut ring: Vec<Position> = (0..positions - 1)
            .map(|k| {
                let angle = k as f64 / (positions - 1) as f64 * std::f64::consts::TAU;
                let radius = cell * (0.40 + 0.08 * random.below(100) as f64 / 100.0);
                Position { lon: lon + radius * angle.cos(), lat: lat + radius * angle.sin() }
            })
            .collect();
        ring.push(ring[0]);
        ring
    };
    let feature = |code: String, name: String, geometry: Geometry| Region {
        kind: FeatureType::Feature,
        properties: RegionProperties { code, name, parent: None, extra: Default::default() },
        geometry,
        extra: Default::default(),
    };
    for k in 0..kecamatan {
        let code = format!("99.01.{:02}", k + 1);
        // The kecamatan's own shape: its first kelurahan's ring (the map draws it from its kelurahan).
        features.push(feature(
            code.clone(),
            format!("Kecamatan {}", k + 1),
            Geometry::Polygon(vec![ring(k * per_kecamatan, &mut random)]),
        ));
        for j in 0..per_kecamatan {
            let child = format!("{code}.{:04}", 1001 + j);
            kelurahan_codes.push(child.clone());
            let shape = Geometry::Polygon(vec![ring(k * per_kecamatan + j, &mut random)]);
            features.push(feature(child, format!("Kelurahan {}-{}", k + 1, j + 1), shape));
        }
    }
    for program in &mut dataset.programs {
        if random.chance(20) {
            continue;
        }
        let first = kelurahan_codes[random.below(kelurahan_codes.len() as u64) as usize].clone();
        program.locations = vec![first];
        if random.chance(25) {
            let second = kelurahan_codes[random.below(kelurahan_codes.len() as u64) as usize].clone();
            if !program.locations.contains(&second) {
                program.locations.push(second);
            }
        }
    }
    dataset.regions = Some(Regions {
        kind: CollectionType::FeatureCollection,
        features,
        source: Some("synthetic".into()),
        extra: Default::default(),
    });
    dataset
}
