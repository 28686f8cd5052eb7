//! The `alertdesk-fake` binary as an end-to-end test starts it: one line on stdout with the
//! base URL, then it serves the sample alerts until it is killed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use alertdesk_fake::{CLIENT_ID, CLIENT_SECRET};

/// Sends one HTTP/1.1 request and returns the status code and body of the answer.
fn exchange(address: &str, request_line: &str, headers: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).expect("connect to the fake");
    write!(
        stream,
        "{request_line} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n{headers}\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("send the request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read the answer");
    let status = answer[9..12].parse().expect("a status code");
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The running binary, killed when the test ends (also when it fails).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_binary_prints_its_url_and_serves_the_sample_alerts() {
    let mut fake = Running(
        Command::new(env!("CARGO_BIN_EXE_alertdesk-fake"))
            .args(["--alerts", "3"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start alertdesk-fake"),
    );
    let mut line = String::new();
    BufReader::new(fake.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the first line");
    let address = line
        .trim_end()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(address.starts_with("127.0.0.1:"), "{address}");

    let form = format!(
        "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
    );
    let (status, body) = exchange(
        &address,
        "POST /oauth/token",
        "Content-Type: application/x-www-form-urlencoded\r\n",
        &form,
    );
    assert_eq!(status, 200, "{body}");
    let token: serde_json::Value = serde_json::from_str(&body).unwrap();
    let bearer = format!(
        "Authorization: Bearer {}\r\n",
        token["access_token"].as_str().unwrap()
    );
    let (status, body) = exchange(&address, "GET /api/v1/alerts?limit=2", &bearer, "");
    assert_eq!(status, 200, "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
    assert!(page["next_cursor"].is_string());
    let (status, _) = exchange(&address, "GET /api/v1/me", "", "");
    assert_eq!(status, 401);
}
