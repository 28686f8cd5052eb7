//! Properties: the parsers never panic, whatever they are fed, and dates written in any
//! supported format read back as the same calendar date.

use proptest::prelude::*;
use proptest::sample::select;
use whois::{
    Date, DateOrder, ServerAddr, decode, detect_family, parse_date, parse_domain, parse_ip,
};

/// Labels that drive the parsers into their deeper paths.
const KEYS: &[&str] = &[
    "Domain Name",
    "domain",
    "Registrar",
    "Registrar WHOIS Server",
    "Creation Date",
    "created",
    "Registry Expiry Date",
    "paid-till",
    "Name Server",
    "nserver",
    "Name servers",
    "Status",
    "Registrant Email",
    "admin-c",
    "tech-c",
    "nic-hdl",
    "registrar",
    "Registrant",
    "Nameservers",
    "Relevant dates",
    "inetnum",
    "inet6num",
    "NetRange",
    "CIDR",
    "ReferralServer",
    "org",
    "organisation",
    "org-name",
    "source",
    "Domain Status",
    "DNSSEC",
    "[Tech-C]",
    "Host Name",
];

const VALUES: &[&str] = &[
    "",
    "GOOGLE.COM",
    "ns1.example.com.",
    "2019-09-09T15:39:04Z",
    "09/10/2019",
    "20190909",
    "NOT FOUND",
    "free",
    "AVAILABLE",
    "Too many requests",
    "X-1",
    "192.0.2.0 - 192.0.2.255",
    "200.57.128/19",
    "2001:db8::/32",
    "whois://whois.ripe.net:43",
    "RIPE # Filtered",
    "ä€\u{0}",
];

fn whois_like_line() -> impl Strategy<Value = String> {
    let indent = select(vec!["", " ", "   ", "\t", "        "]);
    prop_oneof![
        (indent.clone(), select(KEYS), select(VALUES)).prop_map(|(i, k, v)| format!("{i}{k}: {v}")),
        (indent.clone(), select(KEYS)).prop_map(|(i, k)| format!("{i}{k}:")),
        (indent.clone(), select(KEYS), select(VALUES))
            .prop_map(|(i, k, v)| format!("{i}[{k}] {v}")),
        (indent.clone(), select(VALUES)).prop_map(|(i, v)| format!("{i}{v}")),
        (indent, select(KEYS)).prop_map(|(i, k)| format!("{i}{k}")),
        Just(String::new()),
        Just("%% comment".to_owned()),
        Just("-----".to_owned()),
        "[ -~]{0,40}",
    ]
}

fn whois_like_reply() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(whois_like_line(), 0..40),
        select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(lines, end)| lines.join(end))
}

/// Day of the week (0 = Sunday) of a Gregorian date.
fn weekday(year: u16, month: u8, day: u8) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = u32::from(year) - u32::from(month < 3);
    let total = y + y / 4 - y / 100 + y / 400 + OFFSETS[usize::from(month - 1)] + u32::from(day);
    (total % 7) as usize
}

fn valid_date(years: std::ops::RangeInclusive<u16>) -> impl Strategy<Value = Date> {
    (years, 1_u8..=12, 1_u8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
}

/// The date written in every format the parser supports (day-first ones where ambiguous).
fn renderings(date: Date) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let (y, m, d) = (date.year(), date.month(), date.day());
    let mon = MONTHS[usize::from(m - 1)];
    let wd = DAYS[weekday(y, m, d)];
    vec![
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{y:04}-{m:02}-{d:02}T23:59:59Z"),
        format!("{y:04}-{m:02}-{d:02}T00:00:00.0-0700"),
        format!("{y:04}-{m:02}-{d:02} 12:20:05+02"),
        format!("{y:04}.{m:02}.{d:02} 13:00:00"),
        format!("{y:04}. {m:02}. {d:02}."),
        format!("{y:04}/{m:02}/{d:02} 16:50:07 (JST)"),
        format!("{y:04}{m:02}{d:02}"),
        format!("{y:04}{m:02}{d:02} #24302"),
        format!("{d:02}-{mon}-{y:04}"),
        format!("{d}-{}-{y:04}", mon.to_lowercase()),
        format!("{d:02}-{}-{y:04}", FULL[usize::from(m - 1)]),
        format!("{d:02}-{mon}-{y:04} 17:17:40 UTC"),
        format!("{d:02} {mon} {y:04} 00:00:00"),
        format!("{d:02}-{m:02}-{y:04}"),
        format!("{d:02}/{m:02}/{y:04}"),
        format!("{d:02}.{m:02}.{y:04} 15:21:00"),
        format!("{wd} {mon} {d:02} {y:04}"),
        format!("{wd} {mon} {d:02} 07:50:40 GMT {y:04}"),
        format!("{wd}, {d:02} {mon} {y:04} 14:17:32 UTC"),
        format!("{y:04}-{mon}-{d:02}."),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_on_text(text in any::<String>()) {
        let _ = parse_domain(&text);
        let _ = parse_ip(&text);
        let _ = detect_family(&text);
        let _ = parse_date(&text, DateOrder::DayFirst);
        let _ = ServerAddr::parse(&text);
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let (text, _) = decode(&bytes);
        let _ = parse_domain(&text);
        let _ = parse_ip(&text);
    }

    #[test]
    fn parsers_never_panic_on_whois_like_replies(reply in whois_like_reply()) {
        let _ = parse_domain(&reply);
        let _ = parse_ip(&reply);
    }

    #[test]
    fn dates_read_back(date in valid_date(1000..=9999)) {
        for text in renderings(date) {
            prop_assert_eq!(parse_date(&text, DateOrder::DayFirst), Some(date), "{}", text);
        }
        let (y, m, d) = (date.year(), date.month(), date.day());
        let us = format!("{m:02}/{d:02}/{y:04}");
        prop_assert_eq!(parse_date(&us, DateOrder::MonthFirst), Some(date), "{}", us);
        prop_assert_eq!(date.to_string(), format!("{y:04}-{m:02}-{d:02}"));
    }

    #[test]
    fn two_digit_years_are_1970_to_2069(date in valid_date(1970..=2069)) {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let text = format!("{d:02}/{m:02}/{:02}", y % 100);
        prop_assert_eq!(parse_date(&text, DateOrder::DayFirst), Some(date), "{}", text);
    }

    #[test]
    fn server_addresses_display_and_parse_back(
        host in "[a-z][a-z0-9-]{0,10}(\\.[a-z][a-z0-9-]{0,10}){0,3}",
        port in 1_u16..,
    ) {
        let addr = ServerAddr::parse(&format!("{host}:{port}")).unwrap();
        prop_assert_eq!(ServerAddr::parse(&addr.to_string()).unwrap(), addr);
    }
}
