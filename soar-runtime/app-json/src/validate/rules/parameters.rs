//! Contract rules on the parameters of one action.

use super::{defaults, sequence};
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{Action, DataType, DefaultValue};

/// Checks the parameters of `action` (at `at`).
pub(super) fn check(action: &Action, at: &Pointer, findings: &mut Vec<Finding>) {
    let at = at.child("parameters");
    if !action.is_on_poll() {
        sequence::check_orders(
            action
                .parameters
                .iter()
                .map(|(name, p)| (name, p.order.as_ref())),
            &at,
            findings,
        );
    }
    for (name, parameter) in &action.parameters {
        let at = at.child(name);
        let data_type = &parameter.data_type;
        if !soar_vocab::PARAMETER_DATA_TYPES.contains(&data_type.as_str()) {
            let message = format!(
                "the parameter data type {:?} is not documented by the platform",
                data_type.as_str()
            );
            findings.push(Finding::new(
                Rule::UnusualDataType,
                &at.child("data_type"),
                message,
            ));
        }
        defaults::check(
            data_type,
            parameter.default.as_ref(),
            parameter.value_list.as_deref(),
            &at,
            findings,
        );
        let has_default = parameter
            .default
            .as_ref()
            .is_some_and(|default| *default != DefaultValue::from(""));
        let has_values = parameter
            .value_list
            .as_ref()
            .is_some_and(|values| !values.is_empty());
        if *data_type == DataType::Password && (has_default || has_values) {
            let message = "a password parameter has a default or a value list";
            findings.push(Finding::new(Rule::SecretParameterDefault, &at, message));
        }
        if parameter.is_primary() && parameter.contains().is_empty() {
            let message = "a primary parameter without `contains`";
            findings.push(Finding::new(Rule::PrimaryWithoutContains, &at, message));
        }
    }
}
