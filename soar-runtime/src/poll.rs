//! The on poll action's parameters: the platform sends the same five to every app
//! (contract section 5, the Decisions of `design.md`).

use serde_json::{Map, Value};

use crate::context::Ctx;
use crate::error::ActionError;
use crate::meta::ParamMeta;
use crate::params::ActionParam;

/// The count the platform passes for a scheduled poll (the user's numbers come with "Poll Now").
pub const SCHEDULED_COUNT: u32 = u32::MAX;

/// What one on poll run is asked to ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PollParams {
    /// The containers to limit the ingestion to (`container_id`, a comma-separated list).
    pub container_ids: Vec<String>,
    /// Start of the time range, epoch milliseconds (`start_time`).
    pub start_time: Option<i64>,
    /// End of the time range, epoch milliseconds (`end_time`).
    pub end_time: Option<i64>,
    /// The most containers to create (`container_count`).
    pub container_count: Option<u32>,
    /// The most artifacts to create (`artifact_count`).
    pub artifact_count: Option<u32>,
    /// The label of the containers to create, from the asset's ingest settings
    /// (`config.ingest.container_label`); containers that name none get it anyway.
    pub container_label: Option<String>,
}

impl PollParams {
    /// Reads the five parameters from a cleaned parameter dict.
    pub fn from_params(params: &Map<String, Value>) -> Result<Self, ActionError> {
        Ok(Self {
            container_ids: <Option<Vec<String>>>::extract(params, PARAMETERS[0].name)?
                .unwrap_or_default(),
            start_time: ActionParam::extract(params, PARAMETERS[1].name)?,
            end_time: ActionParam::extract(params, PARAMETERS[2].name)?,
            container_count: ActionParam::extract(params, PARAMETERS[3].name)?,
            artifact_count: ActionParam::extract(params, PARAMETERS[4].name)?,
            container_label: None,
        })
    }

    /// Reads the five parameters, and the ingest label of the run's asset.
    pub fn from_run(params: &Map<String, Value>, ctx: &Ctx) -> Result<Self, ActionError> {
        Ok(Self {
            container_label: ctx.ingest_label().map(ToOwned::to_owned),
            ..Self::from_params(params)?
        })
    }

    /// Whether this is a scheduled poll rather than the user's "Poll Now".
    pub fn is_scheduled(&self) -> bool {
        self.container_count == Some(SCHEDULED_COUNT)
    }

    /// Whether this is the user's "Poll Now" (the platform's `is_poll_now`): the counts are the
    /// user's, not the scheduled poll's 4294967295.
    pub fn is_poll_now(&self) -> bool {
        !self.is_scheduled()
    }

    /// The most containers to create: the user's count for "Poll Now", `None` (no limit) for a
    /// scheduled poll.
    pub fn container_limit(&self) -> Option<u32> {
        self.container_count.filter(|_| self.is_poll_now())
    }
}

/// One of the five parameters, with the type it is read as.
const fn parameter<T: ActionParam>(name: &'static str, description: &'static str) -> ParamMeta {
    ParamMeta {
        name,
        description,
        data_type: T::DATA_TYPE,
        required: T::REQUIRED,
        primary: false,
        allow_list: T::ALLOW_LIST,
        type_contains: T::CONTAINS,
        contains: &[],
        default: None,
        value_list: &[],
        examples: &[],
        column: None,
    }
}

/// The on poll parameters, in the order of [`soar_vocab::ON_POLL_PARAMETERS`].
pub const PARAMETERS: [ParamMeta; 5] = [
    parameter::<Option<Vec<String>>>(
        soar_vocab::ON_POLL_PARAMETERS[0],
        "Container IDs to limit the ingestion to",
    ),
    parameter::<Option<i64>>(
        soar_vocab::ON_POLL_PARAMETERS[1],
        "Start of time range, in epoch time (milliseconds)",
    ),
    parameter::<Option<i64>>(
        soar_vocab::ON_POLL_PARAMETERS[2],
        "End of time range, in epoch time (milliseconds)",
    ),
    parameter::<Option<u32>>(
        soar_vocab::ON_POLL_PARAMETERS[3],
        "Maximum number of container records to query for",
    ),
    parameter::<Option<u32>>(
        soar_vocab::ON_POLL_PARAMETERS[4],
        "Maximum number of artifact records to query for",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_five_parameters() {
        let Value::Object(params) =
            json!({"container_id": "1, 2", "start_time": 10, "container_count": "4294967295"})
        else {
            unreachable!()
        };
        let poll = PollParams::from_params(&params).unwrap();
        assert_eq!(poll.container_ids, ["1", "2"]);
        assert_eq!(poll.start_time, Some(10));
        assert_eq!(poll.end_time, None);
        assert!(poll.is_scheduled() && !poll.is_poll_now());
        assert_eq!(poll.container_limit(), None);
        assert!(!PollParams::default().is_scheduled());
        let now = PollParams {
            container_count: Some(5),
            ..PollParams::default()
        };
        assert!(now.is_poll_now());
        assert_eq!(now.container_limit(), Some(5));
    }

    #[test]
    fn the_parameters_are_the_platforms() {
        let names: Vec<_> = PARAMETERS.iter().map(|p| p.name).collect();
        assert_eq!(names, soar_vocab::ON_POLL_PARAMETERS);
        assert!(PARAMETERS[0].allow_list && PARAMETERS[0].data_type == "string");
        assert!(
            PARAMETERS[1..]
                .iter()
                .all(|p| p.data_type == "numeric" && !p.required)
        );
    }
}
