//! Contract rules on the asset configuration.

use super::{defaults, sequence};
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use crate::{AppJson, DataType};

/// Checks the orders, data types and defaults of the configuration fields of `app`.
pub(super) fn check(app: &AppJson, findings: &mut Vec<Finding>) {
    let at = Pointer::root().child("configuration");
    sequence::check_orders(
        app.configuration
            .iter()
            .map(|(name, field)| (name, field.order.as_ref())),
        &at,
        findings,
    );
    for (name, field) in &app.configuration {
        let at = at.child(name);
        if let DataType::Other(data_type) = &field.data_type
            && soar_vocab::CONFIG_DATA_TYPES.contains(&data_type.as_str())
        {
            let message = format!(
                "the configuration data type {data_type:?} is not documented by the platform"
            );
            findings.push(Finding::new(
                Rule::UnusualDataType,
                &at.child("data_type"),
                message,
            ));
        }
        defaults::check(
            &field.data_type,
            field.default.as_ref(),
            field.value_list.as_deref(),
            &at,
            findings,
        );
    }
}
