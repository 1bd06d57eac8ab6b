//! The closed vocabularies of the format: dimensions, sub-dimensions, statuses and horizons, with the
//! codes the file uses for them. What they are called on screen is the translations' business.

use serde::{Deserialize, Serialize};

/// How far a program has come. The order of `ALL` is the order of every legend and table: most advanced first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Running,
    Discussion,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Done, Status::Running, Status::Discussion, Status::NotStarted];

    /// The code in the file, also used in `data-testid`s.
    pub fn code(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Running => "running",
            Status::Discussion => "discussion",
            Status::NotStarted => "not_started",
        }
    }

    /// Position in `ALL`, for tables indexed by status.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The six dimensions of the national "Gerakan Menuju 100 Smart City" framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Governance,
    Branding,
    Economy,
    Living,
    Society,
    Environment,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Governance,
        Dimension::Branding,
        Dimension::Economy,
        Dimension::Living,
        Dimension::Society,
        Dimension::Environment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Governance => "governance",
            Dimension::Branding => "branding",
            Dimension::Economy => "economy",
            Dimension::Living => "living",
            Dimension::Society => "society",
            Dimension::Environment => "environment",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The three elements of each dimension; each belongs to exactly one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubDimension {
    PublicService,
    PublicPolicy,
    Bureaucracy,
    Tourism,
    Business,
    CityAppearance,
    Industry,
    Welfare,
    Transaction,
    Harmony,
    Health,
    Mobility,
    Community,
    Learning,
    Security,
    Protection,
    Waste,
    Energy,
}

impl SubDimension {
    pub const ALL: [SubDimension; 18] = [
        SubDimension::PublicService,
        SubDimension::PublicPolicy,
        SubDimension::Bureaucracy,
        SubDimension::Tourism,
        SubDimension::Business,
        SubDimension::CityAppearance,
        SubDimension::Industry,
        SubDimension::Welfare,
        SubDimension::Transaction,
        SubDimension::Harmony,
        SubDimension::Health,
        SubDimension::Mobility,
        SubDimension::Community,
        SubDimension::Learning,
        SubDimension::Security,
        SubDimension::Protection,
        SubDimension::Waste,
        SubDimension::Energy,
    ];

    /// The dimension this element belongs to: the variants come in threes, in the order of `Dimension::ALL`.
    pub fn dimension(self) -> Dimension {
        Dimension::ALL[self as usize / 3]
    }

    pub fn code(self) -> &'static str {
        match self {
            SubDimension::PublicService => "public_service",
            SubDimension::PublicPolicy => "public_policy",
            SubDimension::Bureaucracy => "bureaucracy",
            SubDimension::Tourism => "tourism",
            SubDimension::Business => "business",
            SubDimension::CityAppearance => "city_appearance",
            SubDimension::Industry => "industry",
            SubDimension::Welfare => "welfare",
            SubDimension::Transaction => "transaction",
            SubDimension::Harmony => "harmony",
            SubDimension::Health => "health",
            SubDimension::Mobility => "mobility",
            SubDimension::Community => "community",
            SubDimension::Learning => "learning",
            SubDimension::Security => "security",
            SubDimension::Protection => "protection",
            SubDimension::Waste => "waste",
            SubDimension::Energy => "energy",
        }
    }
}

/// The term in which the master plan places a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Short,
    Medium,
    Long,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Short, Horizon::Medium, Horizon::Long];

    pub fn code(self) -> &'static str {
        match self {
            Horizon::Short => "short",
            Horizon::Medium => "medium",
            Horizon::Long => "long",
        }
    }
}

/// A closed-list value from its code in the file (`"running"`, `"smart_governance"`…); `None` for an empty or
/// unknown one. Serde's names are the codes, so this never drifts from the format.
pub fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// The code of a yes / no / not stated answer in forms and addresses: `"yes"`, `"no"`, `""`.
pub fn yes_no_code(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The answer a `yes_no_code` stands for.
pub fn from_yes_no_code(code: &str) -> Option<bool> {
    match code {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}
