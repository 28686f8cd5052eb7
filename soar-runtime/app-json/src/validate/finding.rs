//! What the validator reports: findings, their severity, and the rule behind each.

use std::fmt;

use super::pointer::Pointer;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The platform, its CI schema, or the model would refuse the app JSON.
    Error,
    /// Sloppiness that the platform accepts, as seen in real apps; the framework never writes it.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One thing the validator found.
///
/// Displays as `<severity> <pointer> <message>`; the pointer of the whole document is empty,
/// so that line then has two spaces after the severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// How bad it is (decided by the rule).
    pub severity: Severity,
    /// Where: an RFC 6901 JSON Pointer into the app JSON, e.g. `/actions/3/output/2`.
    pub pointer: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The rule that found it.
    pub rule: Rule,
}

impl Finding {
    /// A finding of `rule` at `pointer`.
    pub(super) fn new(rule: Rule, pointer: &Pointer, message: impl Into<String>) -> Self {
        Self {
            severity: rule.severity(),
            pointer: pointer.to_string(),
            message: message.into(),
            rule,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.severity, self.pointer, self.message)
    }
}

/// The validator's rules.
///
/// The first group re-implements the platform's CI JSON schema (`dev-cicd-tools`
/// `app_schema.json`, draft 2020-12, with `format` asserted): every finding of those rules is an
/// error, and the schema rejects a document exactly when one of them reports (see
/// [`Rule::in_schema`]). The other rules come from the platform contract; each says why it is an
/// error or a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    // ----- the CI schema (errors) -----
    /// Error (schema `required`): a key the schema requires is missing: the 18 top-level keys,
    /// an action's `action`, `description`, `type`, `identifier`, `read_only`, a parameter's or
    /// configuration field's `data_type`, an output entry's `data_path` and `data_type`, a
    /// dependency's `module` (and a wheel's `input_file`), and `fips_compliant` when the
    /// publisher is `Splunk`.
    SchemaRequired,
    /// Error (schema `type`): a key the schema types has a value of another JSON type (e.g.
    /// `read_only: "true"`), or a `column_order` that is neither an integer nor a string of
    /// digits.
    SchemaType,
    /// Error (schema `format: uuid`): `appid` is not a hyphenated UUID.
    AppId,
    /// Error (schema `enum`): the app `type` is not one of [`soar_vocab::APP_TYPES`].
    AppType,
    /// Error (schema `pattern`): `app_version` is not `x.y.z` (digits).
    AppVersion,
    /// Error (schema `pattern`): `min_phantom_version` is not three or four dot-separated numbers.
    MinPhantomVersion,
    /// Error (schema `oneOf`): `python_version` is neither a string like `3.9, 3.13` nor a list
    /// of strings like `3.9`.
    PythonVersion,
    /// Error (schema `format: date-time`): `utctime_updated` is not an RFC 3339 date-time.
    UpdatedTime,
    /// Error (schema `pattern`): `main_module` does not end in `.py`.
    MainModule,
    /// Error (schema `pattern`): an app, configuration or parameter description, or an action's
    /// `verbose`, starts with a lowercase ASCII letter.
    TextStart,
    /// Error (schema `pattern`): an action description starts with a lowercase ASCII letter,
    /// ends with a period, or is a single character.
    ActionDescription,
    /// Error (schema `pattern`, which is unanchored): an action name has no lowercase letter,
    /// digit or space at all.
    ActionName,
    /// Error (schema `enum`): an action `type` is not one of [`soar_vocab::ACTION_KINDS`].
    ActionKind,
    /// Error (schema `enum`): a configuration `data_type` is not one of
    /// [`soar_vocab::CONFIG_DATA_TYPES`].
    ConfigDataType,
    /// Error (schema `if`/`then`): a `password` configuration field has a default other than
    /// `""` or a non-empty `value_list`.
    PasswordDefault,

    // ----- the model's shape (errors outside the schema) -----
    /// Error: a key that the schema leaves open but the contract types has a value the model
    /// cannot hold (e.g. `undo: 5`, a contributor without `name`), or the document cannot be
    /// read at all. No tool here can process such a file.
    ModelShape,

    // ----- the contract -----
    /// Error: two actions share an `identifier`; the platform fails every run of it.
    DuplicateIdentifier,
    /// Warning: two actions share a name; the platform accepts it, playbooks cannot tell them
    /// apart.
    DuplicateActionName,
    /// Warning: an action name has characters other than lowercase letters, digits and spaces
    /// (the contract's rule; the schema's unanchored pattern lets them through).
    ActionNameCharset,
    /// Warning: a key the contract expects is missing though the schema does not require it:
    /// `utctime_updated`, an action's `versions`, `parameters` or `output`.
    MissingKey,
    /// Warning: a key nobody knows (not in the contract, the schema or the SDK); kept verbatim.
    UnknownKey,
    /// Warning: `appid` has uppercase hex digits; the platform's CI compares it lowercased.
    AppIdCase,
    /// Warning: `package_name` does not start with `phantom_`.
    PackageName,
    /// Warning: `utctime_updated` is a date-time, but not `YYYY-MM-DDTHH:MM:SS.ffffffZ` as the
    /// platform writes it.
    UpdatedTimeFormat,
    /// Warning: the `order` of configuration fields or of an action's parameters is missing or
    /// does not run 0..n-1. The platform sorts the form by it and accepts gaps; the CI's
    /// sequence test (not its schema) fails it. Like that test, this rule skips on poll.
    Order,
    /// Warning: a data type the contract does not document where it is used: `object` or
    /// `array` for a configuration field, anything but `string`, `numeric`, `boolean` and
    /// `password` for a parameter, anything but `string`, `numeric` and `boolean` (real apps
    /// write `ph` and `password`) for an output.
    UnusualDataType,
    /// Warning: a default that does not fit the data type: `""` or text for a numeric or boolean
    /// field, a number or boolean for a string field, `null`, a list or an object.
    DefaultType,
    /// Warning: a default that is not one of the field's non-empty `value_list`.
    DefaultNotInValueList,
    /// Warning: a `password` parameter with a non-empty default or a `value_list` (the schema
    /// checks only configuration fields).
    SecretParameterDefault,
    /// Warning: a `primary` parameter without `contains`: no contextual action can offer it.
    PrimaryWithoutContains,
    /// Warning: a reserved action has the wrong shape: test connectivity not of type `test`,
    /// with parameters or an unusual identifier; on poll not of type `ingest`, not `on_poll`, or
    /// without one of its five parameters; or another action of type `test` or `ingest`.
    ReservedAction,
    /// Warning: `undo` names no action of the app.
    Undo,
    /// Warning: a `lock` whose `data_path` is not `parameters.<a parameter of the action>`.
    Lock,
    /// Warning: a `render` without a known `type` (real apps write `{}` and `default`), or a
    /// `custom` render without a `module.function` view.
    Render,
    /// Warning: an action (other than test connectivity and on poll) lacks one of
    /// [`soar_vocab::STANDARD_DATA_PATHS`]; the platform's CI adds them.
    StandardOutputs,
    /// Warning: a parameter has no `action_result.parameter.<name>` output, or that output's
    /// `contains` differ from the parameter's (as sets); the platform's CI fixes them.
    ParameterOutput,
    /// Warning: an `action_result.parameter.<name>` output for a parameter the action does not
    /// have.
    StrayParameterOutput,
    /// Warning: the `column_order` of the entries with a `column_name` do not run 0..n-1, or a
    /// `column_name` comes without `column_order` or the other way round.
    ColumnOrder,
    /// Warning: a `column_order` written as a string or a float (`"0"`, `0.0`).
    ColumnOrderSpelling,
    /// Warning: the same data path is listed twice in one action's output (14 times in one
    /// action of a corpus app); this also covers a parameter output listed twice.
    DuplicateDataPath,
    /// Warning: a data path that starts neither with `action_result.` nor with `summary.`.
    DataPath,
    /// Warning: a network of the webhook's `ip_allowlist` that Python's strict `ip_network`
    /// refuses (`10.0.0.1/8`, `anywhere`), as the official SDK does.
    WebhookNetwork,
    /// Warning: a wheel of a `pip3<minor>_dependencies` list whose path is not below `wheels/`,
    /// whose file name is not a wheel's, or none of whose tags fits CPython `3.<minor>` on Linux
    /// x86_64 (pip on the platform refuses it, and the app does not install); see
    /// [`soar_vocab::wheel`].
    WheelPython,
}

impl Rule {
    /// The severity of this rule's findings.
    pub fn severity(self) -> Severity {
        if self.in_schema() || matches!(self, Self::ModelShape | Self::DuplicateIdentifier) {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// Whether this rule re-implements the CI schema: the schema rejects a document exactly when
    /// one of these rules reports, at the same JSON Pointers.
    pub fn in_schema(self) -> bool {
        matches!(
            self,
            Self::SchemaRequired
                | Self::SchemaType
                | Self::AppId
                | Self::AppType
                | Self::AppVersion
                | Self::MinPhantomVersion
                | Self::PythonVersion
                | Self::UpdatedTime
                | Self::MainModule
                | Self::TextStart
                | Self::ActionDescription
                | Self::ActionName
                | Self::ActionKind
                | Self::ConfigDataType
                | Self::PasswordDefault
        )
    }
}
