//! When a failed attempt is tried again, and after how long.

use std::time::{Duration, SystemTime};

/// The retry settings of a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    /// Attempts after the first one.
    pub(crate) max_retries: u32,
    /// The wait before the first retry; it doubles for each further one.
    pub(crate) base_delay: Duration,
    /// The longest wait: backoff is capped at it, and a longer `Retry-After` is not waited for.
    pub(crate) max_wait: Duration,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Wait this long, then try again.
    Retry(Duration),
    /// Return the failure.
    GiveUp,
    /// Return the failure: the server asked to wait this long, longer than the maximum wait.
    WaitTooLong(Duration),
}

impl RetryPolicy {
    /// After an error status. `retries` is the number of retries done so far; `retry_after` the
    /// response's `Retry-After` header.
    ///
    /// 429 and 503 are retried for every method (the server did not process the request);
    /// other 5xx except 501 and 505 only for idempotent methods.
    pub(crate) fn after_status(
        &self,
        retries: u32,
        status: u16,
        retry_after: Option<&str>,
        idempotent: bool,
    ) -> Decision {
        let retryable = match status {
            429 | 503 => true,
            501 | 505 => false,
            500..=599 => idempotent,
            _ => false,
        };
        if !retryable || retries >= self.max_retries {
            return Decision::GiveUp;
        }
        match retry_after.and_then(|value| parse_retry_after(value, SystemTime::now())) {
            Some(wait) if wait > self.max_wait => Decision::WaitTooLong(wait),
            Some(wait) => Decision::Retry(wait),
            None => Decision::Retry(self.backoff(retries)),
        }
    }

    /// After a connection failure (refused, reset, connect timeout): retried for idempotent
    /// methods only, since a request may have reached the server.
    pub(crate) fn after_connection_error(&self, retries: u32, idempotent: bool) -> Decision {
        if idempotent && retries < self.max_retries {
            Decision::Retry(self.backoff(retries))
        } else {
            Decision::GiveUp
        }
    }

    /// The exponential backoff before retry number `retries + 1`, capped at the maximum wait.
    fn backoff(&self, retries: u32) -> Duration {
        let factor = 2u32.saturating_pow(retries);
        self.base_delay
            .checked_mul(factor)
            .map_or(self.max_wait, |wait| wait.min(self.max_wait))
    }
}

/// A `Retry-After` value as a wait from `now`: delay seconds (`120`) or an HTTP-date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`; a date in the past is no wait). `None` when it is neither.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RetryPolicy = RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(100),
        max_wait: Duration::from_secs(1),
    };

    #[test]
    fn retry_after_in_seconds() {
        let now = SystemTime::now();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("1.5", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn retry_after_as_an_http_date() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:30:30 GMT", now),
            Some(Duration::from_secs(150))
        );
        // The obsolete forms HTTP also allows.
        assert_eq!(
            parse_retry_after("Wednesday, 21-Oct-15 07:29:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            parse_retry_after("Wed Oct 21 07:28:10 2015", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Tue, 20 Oct 2015 07:28:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", now),
            None
        );
    }

    #[test]
    fn statuses_that_are_retried() {
        for status in [429, 503] {
            assert_eq!(
                POLICY.after_status(0, status, None, false),
                Decision::Retry(Duration::from_millis(100))
            );
        }
        assert!(matches!(
            POLICY.after_status(0, 500, None, true),
            Decision::Retry(_)
        ));
        assert!(matches!(
            POLICY.after_status(0, 502, None, true),
            Decision::Retry(_)
        ));
        assert_eq!(POLICY.after_status(0, 500, None, false), Decision::GiveUp);
        assert_eq!(POLICY.after_status(0, 501, None, true), Decision::GiveUp);
        assert_eq!(POLICY.after_status(0, 404, None, true), Decision::GiveUp);
        assert_eq!(POLICY.after_status(3, 503, None, true), Decision::GiveUp);
    }

    #[test]
    fn backoff_doubles_up_to_the_maximum_wait() {
        let waits: Vec<_> = (0..3)
            .map(|retries| POLICY.after_status(retries, 503, None, true))
            .collect();
        assert_eq!(
            waits,
            [100, 200, 400].map(|ms| Decision::Retry(Duration::from_millis(ms)))
        );
        let long = RetryPolicy {
            max_retries: 40,
            ..POLICY
        };
        assert_eq!(
            long.after_connection_error(35, true),
            Decision::Retry(Duration::from_secs(1))
        );
        assert_eq!(long.after_connection_error(0, false), Decision::GiveUp);
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_maximum_wait() {
        assert_eq!(
            POLICY.after_status(0, 429, Some("1"), true),
            Decision::Retry(Duration::from_secs(1))
        );
        assert_eq!(
            POLICY.after_status(0, 429, Some("2"), true),
            Decision::WaitTooLong(Duration::from_secs(2))
        );
        assert_eq!(
            POLICY.after_status(0, 429, Some("whenever"), true),
            Decision::Retry(Duration::from_millis(100))
        );
    }
}
