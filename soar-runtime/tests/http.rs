//! The HTTP client against servers and a proxy on 127.0.0.1 that the tests start: the trust
//! store (`REQUESTS_CA_BUNDLE`, `verify_server_cert`), proxies (`HTTP_PROXY`, `HTTPS_PROXY`,
//! `NO_PROXY`), retries, the size limit, timeouts and what errors show.
//!
//! The environment reaches the client through the builder's lookup, never the process
//! environment: the tests run in parallel.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::{Value, json};
use soar_runtime::error::ActionError;
use soar_runtime::http::{HttpClient, HttpClientBuilder, HttpErrorKind};
use soar_runtime::secret::Secret;

// ---------------------------------------------------------------------------------------------
// Certificates

/// A CA and a server certificate it signed for `127.0.0.1` and `localhost`.
struct Pki {
    ca_pem: String,
    server: Arc<rustls::ServerConfig>,
}

impl Pki {
    fn new() -> Self {
        let mut ca_params = CertificateParams::new(Vec::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_key = KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(ca_params, ca_key);

        let server_params =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()]).unwrap();
        let server_key = KeyPair::generate().unwrap();
        let server_cert = server_params.signed_by(&server_key, &issuer).unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let chain = vec![CertificateDer::from(server_cert.der().to_vec())];
        let server = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .unwrap();
        Self {
            ca_pem: ca_cert.pem(),
            server: Arc::new(server),
        }
    }

    /// The CA certificate in a PEM file, as the platform's `REQUESTS_CA_BUNDLE` is.
    fn bundle(&self) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(self.ca_pem.as_bytes()).unwrap();
        file
    }
}

// ---------------------------------------------------------------------------------------------
// A test server

/// A request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What the server does with a request.
enum Reply {
    /// Writes these bytes and closes the connection.
    Raw(Vec<u8>),
    /// Never answers; holds the connection until the client gives up.
    Hang,
    /// Closes the connection without a word.
    Drop,
}

/// A response with `Content-Length`, closing the connection.
fn reply(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut head = format!("HTTP/1.1 {status} Whatever\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    Reply::Raw([head.as_bytes(), body.as_bytes()].concat())
}

fn ok_json(value: &Value) -> Reply {
    reply(
        200,
        &[("Content-Type", "application/json")],
        &value.to_string(),
    )
}

type Handler = dyn Fn(usize, &Seen) -> Reply + Send + Sync;

/// An HTTP or HTTPS server on 127.0.0.1, one thread per connection, one request per
/// connection. The handler gets the number of requests seen before and the request.
struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    scheme: &'static str,
}

impl Server {
    fn http(handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static) -> Self {
        Self::start(None, Arc::new(handler))
    }

    fn https(pki: &Pki, handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static) -> Self {
        Self::start(Some(pki.server.clone()), Arc::new(handler))
    }

    fn start(tls: Option<Arc<rustls::ServerConfig>>, handler: Arc<Handler>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let scheme = if tls.is_some() { "https" } else { "http" };
        let log = seen.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (tls, handler, log) = (tls.clone(), handler.clone(), log.clone());
                thread::spawn(move || match tls {
                    Some(config) => {
                        let connection = rustls::ServerConnection::new(config).unwrap();
                        serve(
                            rustls::StreamOwned::new(connection, stream),
                            &*handler,
                            &log,
                        );
                    }
                    None => serve(stream, &*handler, &log),
                });
            }
        });
        Self { addr, seen, scheme }
    }

    fn url(&self, path: &str) -> String {
        format!("{}://{}{path}", self.scheme, self.addr)
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

fn serve(stream: impl Read + Write, handler: &Handler, log: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    let index = {
        let mut log = log.lock().unwrap();
        log.push(request.clone());
        log.len() - 1
    };
    match handler(index, &request) {
        Reply::Raw(bytes) => {
            let stream = reader.get_mut();
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
        }
        Reply::Hang => {
            let _ = reader.read_to_end(&mut Vec::new());
        }
        Reply::Drop => {}
    }
}

/// Reads a request head and its `Content-Length` body; `None` when the connection ends first.
fn read_request(reader: &mut impl BufRead) -> Option<Seen> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let mut seen = Seen {
        method,
        target,
        headers,
        body: Vec::new(),
    };
    let length: usize = seen
        .header("content-length")
        .map_or(0, |v| v.parse().unwrap());
    seen.body = vec![0; length];
    reader.read_exact(&mut seen.body).ok()?;
    Some(seen)
}

// ---------------------------------------------------------------------------------------------
// A CONNECT proxy

/// An HTTP proxy on 127.0.0.1 that tunnels `CONNECT host:port` and records every request line.
struct Proxy {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Proxy {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let log = log.clone();
                thread::spawn(move || tunnel(stream, &log));
            }
        });
        Self { addr, requests }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn tunnel(client: TcpStream, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(client);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    log.lock()
        .unwrap()
        .push(format!("{} {}", request.method, request.target));
    let mut client = reader.into_inner();
    if request.method != "CONNECT" {
        let _ = client.write_all(b"HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    let Ok(mut upstream) = TcpStream::connect(&request.target) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .unwrap();
    let (mut client_read, mut upstream_write) =
        (client.try_clone().unwrap(), upstream.try_clone().unwrap());
    let upload = thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(Shutdown::Both);
    let _ = upload.join();
}

// ---------------------------------------------------------------------------------------------
// Clients

/// A builder whose environment is exactly `vars` (not the process's), with fast retries.
fn client_with(vars: &[(&str, &str)]) -> HttpClientBuilder {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    HttpClient::builder()
        .env(move |name| {
            vars.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        })
        .retry_base_delay(Duration::from_millis(10))
        .timeout(Duration::from_secs(10))
}

fn hello(_: usize, _: &Seen) -> Reply {
    ok_json(&json!({"hello": "world"}))
}

// ---------------------------------------------------------------------------------------------
// Trust store

#[test]
fn https_is_trusted_through_requests_ca_bundle() {
    let pki = Pki::new();
    let server = Server::https(&pki, hello);
    let bundle = pki.bundle();
    let client = client_with(&[("REQUESTS_CA_BUNDLE", bundle.path().to_str().unwrap())])
        .build()
        .unwrap();
    let response = client.get(&server.url("/hello")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.json::<Value>().unwrap(), json!({"hello": "world"}));
}

#[test]
fn https_is_rejected_without_the_bundle() {
    let pki = Pki::new();
    let server = Server::https(&pki, hello);
    let client = client_with(&[]).build().unwrap();
    let error = client.get(&server.url("/hello")).call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::Certificate, "{error:?}");
    let message = ActionError::from(error).message().to_owned();
    assert!(message.contains("certificate"), "{message}");
    assert!(
        message.starts_with(&format!("GET {}: ", server.url("/hello"))),
        "{message}"
    );
    assert_eq!(server.count(), 0);
}

#[test]
fn the_bundle_is_the_whole_trust_store() {
    let pki = Pki::new();
    let server = Server::https(&pki, hello);
    let other_bundle = Pki::new().bundle();
    let client = client_with(&[("REQUESTS_CA_BUNDLE", other_bundle.path().to_str().unwrap())])
        .build()
        .unwrap();
    let error = client.get(&server.url("/")).call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::Certificate, "{error:?}");
}

#[test]
fn https_is_accepted_without_verification() {
    let pki = Pki::new();
    let server = Server::https(&pki, hello);
    let client = client_with(&[("REQUESTS_CA_BUNDLE", "/nonexistent/bundle.pem")])
        .verify_server_cert(false)
        .build()
        .unwrap();
    let response = client.get(&server.url("/hello")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.count(), 1);
}

#[test]
fn an_unreadable_bundle_fails_the_build_naming_its_path() {
    let error = client_with(&[("REQUESTS_CA_BUNDLE", "/nonexistent/bundle.pem")])
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::Config);
    assert!(
        error.to_string().contains("/nonexistent/bundle.pem"),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// Proxies

#[test]
fn http_requests_go_through_http_proxy() {
    let server = Server::http(hello);
    let proxy = Proxy::start();
    let client = client_with(&[("http_proxy", &proxy.url())])
        .build()
        .unwrap();
    let response = client.get(&server.url("/via-proxy")).call().unwrap();
    assert_eq!(response.json::<Value>().unwrap()["hello"], "world");
    assert_eq!(proxy.requests(), [format!("CONNECT {}", server.addr)]);
    assert_eq!(server.requests()[0].target, "/via-proxy");
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let server = Server::http(hello);
    let proxy = Proxy::start();
    let client = client_with(&[
        ("HTTP_PROXY", &proxy.url()),
        ("NO_PROXY", "localhost, 127.0.0.1"),
    ])
    .build()
    .unwrap();
    client.get(&server.url("/direct")).call().unwrap();
    assert_eq!(server.count(), 1);
    assert!(proxy.requests().is_empty(), "{:?}", proxy.requests());
}

#[test]
fn https_requests_go_through_https_proxy_with_connect() {
    let pki = Pki::new();
    let server = Server::https(&pki, hello);
    let proxy = Proxy::start();
    let bundle = pki.bundle();
    let client = client_with(&[
        ("HTTPS_PROXY", &proxy.url()),
        ("REQUESTS_CA_BUNDLE", bundle.path().to_str().unwrap()),
        ("NO_PROXY", "example.com"),
    ])
    .build()
    .unwrap();
    let response = client.get(&server.url("/tunnelled")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(proxy.requests(), [format!("CONNECT {}", server.addr)]);
    assert_eq!(server.requests()[0].target, "/tunnelled");
}

// ---------------------------------------------------------------------------------------------
// Retries

#[test]
fn a_429_with_retry_after_is_retried_once() {
    let server = Server::http(|index, seen| match index {
        0 => reply(429, &[("Retry-After", "1")], "slow down"),
        _ => hello(index, seen),
    });
    let client = client_with(&[]).build().unwrap();
    let response = client.get(&server.url("/limited")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.count(), 2);
}

#[test]
fn a_retry_after_beyond_the_maximum_wait_is_not_waited_for() {
    let server =
        Server::http(|_, _| reply(429, &[("Retry-After", "120")], "{\"error\": \"quota\"}"));
    let client = client_with(&[])
        .max_retry_wait(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.get(&server.url("/limited")).call().unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.count(), 1);
    assert_eq!(error.kind(), HttpErrorKind::Status);
    assert_eq!(error.status_code(), Some(429));
    assert_eq!(error.response().unwrap().text(), "{\"error\": \"quota\"}");
    assert_eq!(
        error.to_string(),
        format!(
            "GET {}: HTTP 429 Too Many Requests (the server asks to retry after 120 s, longer \
             than the maximum wait of 5 s): {{\"error\": \"quota\"}}",
            server.url("/limited")
        )
    );
}

#[test]
fn a_503_twice_then_200_succeeds() {
    let server = Server::http(|index, seen| match index {
        0 | 1 => reply(503, &[], "busy"),
        _ => hello(index, seen),
    });
    let client = client_with(&[]).build().unwrap();
    let response = client.get(&server.url("/busy")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.count(), 3);
}

#[test]
fn a_500_forever_fails_after_all_attempts() {
    let server = Server::http(|_, _| reply(500, &[], "  internal\n  failure  "));
    let client = client_with(&[]).max_retries(2).build().unwrap();
    let error = client
        .get(&server.url("/broken?token=s3cret"))
        .call()
        .unwrap_err();
    assert_eq!(server.count(), 3);
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(
        error.to_string(),
        format!(
            "GET {}: HTTP 500 Internal Server Error after 3 attempts: internal failure",
            server.url("/broken")
        )
    );
}

#[test]
fn a_post_is_not_retried_after_a_500() {
    let server = Server::http(|_, _| reply(500, &[], "failed"));
    let client = client_with(&[]).build().unwrap();
    let error = client
        .post(&server.url("/create"))
        .json(&json!({"a": 1}))
        .call()
        .unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(error.status_code(), Some(500));
}

#[test]
fn a_dropped_connection_is_retried_for_get() {
    let server = Server::http(|index, seen| match index {
        0 => Reply::Drop,
        _ => hello(index, seen),
    });
    let client = client_with(&[]).build().unwrap();
    let response = client.get(&server.url("/flaky")).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.count(), 2);
}

#[test]
fn client_errors_are_not_retried_and_quote_the_body() {
    let server = Server::http(|_, _| reply(404, &[], "{\"error\": \"no such item\"}"));
    let client = client_with(&[]).build().unwrap();
    let error = client.get(&server.url("/items/7")).call().unwrap_err();
    assert_eq!(server.count(), 1);
    assert_eq!(
        error.to_string(),
        format!(
            "GET {}: HTTP 404 Not Found: {{\"error\": \"no such item\"}}",
            server.url("/items/7")
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Limits

#[test]
fn a_body_over_the_size_limit_is_an_error() {
    let big = "x".repeat(2000);
    let declared = Server::http(move |_, _| reply(200, &[], &big));
    let client = client_with(&[]).max_response_size(1000).build().unwrap();
    let error = client.get(&declared.url("/big")).call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::TooLarge);
    assert_eq!(
        error.to_string(),
        format!(
            "GET {}: the response body is larger than the limit of 1000 bytes",
            declared.url("/big")
        )
    );

    // No Content-Length: the body runs until the connection closes.
    let undeclared = Server::http(|_, _| {
        let head = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n";
        Reply::Raw([head.as_bytes(), &[b'x'; 5000]].concat())
    });
    let error = client.get(&undeclared.url("/big")).call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::TooLarge, "{error:?}");

    // A HEAD response declares the length of a body it does not send.
    let head = Server::http(|_, _| {
        Reply::Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n".to_vec())
    });
    let response = client.head(&head.url("/big")).call().unwrap();
    assert_eq!(response.header("content-length"), Some("5000"));
    assert!(response.bytes().is_empty());

    let fits = client
        .get(&Server::http(|_, _| reply(200, &[], &"y".repeat(1000))).url("/"))
        .call();
    assert_eq!(fits.unwrap().bytes().len(), 1000);
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::http(|_, _| Reply::Hang);
    let client = client_with(&[])
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.get(&server.url("/slow")).call().unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(error.kind(), HttpErrorKind::Timeout, "{error:?}");
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(server.count(), 1, "a timeout is not retried");
}

#[test]
fn a_refused_connection_names_its_cause_once() {
    // A port nothing listens on: bound, then closed.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = client_with(&[]).max_retries(0).build().unwrap();
    let url = format!("http://127.0.0.1:{port}/items");
    let error = client.get(&url).call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::Connection, "{error:?}");
    assert_eq!(
        ActionError::from(error).message(),
        format!("GET {url}: could not connect: Connection refused (os error 111)")
    );
}

// ---------------------------------------------------------------------------------------------
// Requests and secrets

#[test]
fn json_bodies_queries_and_headers_are_sent() {
    let server = Server::http(|_, seen| {
        let body: Value = serde_json::from_slice(&seen.body).unwrap();
        ok_json(&json!({"echo": body}))
    });
    let client = client_with(&[]).build().unwrap();
    let response = client
        .post(&server.url("/items"))
        .query("q", "a b&c")
        .header("X-Trace", "t-1")
        .json(&json!({"name": "item"}))
        .call()
        .unwrap();
    assert_eq!(
        response.json::<Value>().unwrap(),
        json!({"echo": {"name": "item"}})
    );
    let seen = &server.requests()[0];
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.target, "/items?q=a+b%26c");
    assert_eq!(seen.header("content-type"), Some("application/json"));
    assert_eq!(seen.header("x-trace"), Some("t-1"));
}

#[test]
fn secrets_are_sent_but_never_shown() {
    let server = Server::http(|_, _| reply(401, &[], "unauthorized"));
    let client = client_with(&[]).build().unwrap();
    let token = Secret::new("tok-canary-1");
    let request = client
        .get(&server.url("/me"))
        .query("apikey", "key-canary-2")
        .bearer_auth(&token)
        .secret_header("X-Api-Key", &Secret::new("hdr-canary-3"));
    let shown_request = format!("{request:?}");
    let error = request.call().unwrap_err();

    let seen = &server.requests()[0];
    assert_eq!(seen.header("authorization"), Some("Bearer tok-canary-1"));
    assert_eq!(seen.header("x-api-key"), Some("hdr-canary-3"));
    assert!(seen.target.contains("apikey=key-canary-2"));

    let shown = [
        shown_request,
        error.to_string(),
        format!("{error:?}"),
        format!("{:?}", error.response().unwrap()),
        ActionError::from(error).message().to_owned(),
    ];
    for text in shown {
        for canary in ["tok-canary-1", "key-canary-2", "hdr-canary-3"] {
            assert!(!text.contains(canary), "{canary} shown in {text}");
        }
    }
}

#[test]
fn basic_auth_is_sent() {
    let server = Server::http(hello);
    let client = client_with(&[]).build().unwrap();
    client
        .get(&server.url("/"))
        .basic_auth("admin", &Secret::new("pass word"))
        .call()
        .unwrap();
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("Basic YWRtaW46cGFzcyB3b3Jk")
    );
}

#[test]
fn mistakes_while_building_are_reported_by_call() {
    let client = client_with(&[]).build().unwrap();
    let error = client.get("not a url?key=s3cret").call().unwrap_err();
    assert_eq!(error.kind(), HttpErrorKind::InvalidRequest);
    assert_eq!(
        error.to_string(),
        "GET not a url: invalid URL: relative URL without a base"
    );

    let error = client
        .get("https://example.com/")
        .header("X-Bad", "line\nbreak")
        .call()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "GET https://example.com/: invalid value for the header x-bad"
    );
}

#[test]
fn handlers_use_the_question_mark() {
    fn handler(client: &HttpClient, url: &str) -> Result<Value, ActionError> {
        Ok(client.get(url).call()?.json()?)
    }
    let server = Server::http(|_, _| reply(200, &[], "not json"));
    let client = client_with(&[]).build().unwrap();
    let error = handler(&client, &server.url("/x")).unwrap_err();
    assert_eq!(
        error.message(),
        format!(
            "GET {}: the response is not the JSON expected: expected ident at line 1 column 2",
            server.url("/x")
        )
    );
}
