//! The verdict card: how `lookup indicator` results look in the platform's widget.

use maud::{Markup, html};
use soar_runtime::view::{AppRun, ViewResult, parts};

use super::output::{IndicatorOutput, IndicatorSummary};

/// One card per indicator: the verdict as a coloured badge with the score, the type, the tags
/// and when AlertDesk saw it; an indicator AlertDesk does not know says so, a failed lookup
/// shows its message.
pub fn verdict_card(runs: &[AppRun<IndicatorOutput, IndicatorSummary>]) -> Markup {
    html! {
        @for run in runs {
            @for result in &run.results {
                @match result {
                    ViewResult::Fit(fit) => {
                        @if !fit.status.is_success() || fit.data.is_empty() {
                            div.card { (parts::status_line(fit.status, &fit.message)) }
                        }
                        @for indicator in &fit.data { (card(indicator)) }
                    }
                    ViewResult::Unfit(raw) => (parts::unfit(raw)),
                }
            }
        }
        @if runs.iter().all(|run| run.results.is_empty()) {
            p.note { "No lookups." }
        }
    }
}

fn card(indicator: &IndicatorOutput) -> Markup {
    // The badge colour of the verdicts AlertDesk gives; any other word is shown plain.
    let class = match indicator.verdict.as_str() {
        "malicious" => "badge failed",
        "benign" => "badge ok",
        _ => "badge",
    };
    html! {
        div.card {
            h3 { (indicator.indicator) }
            p.status {
                span class=(class) { (indicator.verdict) }
                @if let Some(score) = indicator.score { " score " (score) " of 100" }
            }
            @if indicator.found {
                dl {
                    dt { "Type" } dd { (indicator.kind) }
                    @if !indicator.tags.is_empty() {
                        dt { "Tags" } dd { (indicator.tags.join(", ")) }
                    }
                    @for (label, time) in [("First seen", &indicator.first_seen), ("Last seen", &indicator.last_seen)] {
                        @if let Some(time) = time { dt { (label) } dd { (time) } }
                    }
                }
            } @else {
                p.note { "AlertDesk has no intelligence on this " (indicator.kind) "." }
            }
        }
    }
}
