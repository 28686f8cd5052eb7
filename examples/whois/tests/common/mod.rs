//! Fake WHOIS servers on 127.0.0.1 for the integration tests.

#![allow(dead_code, reason = "each test file uses a part of the helpers")]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, channel};
use std::thread;

use whois::ServerAddr;

/// A fake server: its address and the query lines it received (without CR LF).
pub struct Fake {
    pub addr: ServerAddr,
    pub queries: Receiver<String>,
}

/// Starts a server on 127.0.0.1 that answers every query with `respond(query)` and closes
/// the connection, as RFC 3912 servers do. The thread lives as long as the test process.
pub fn serve(respond: impl Fn(&str) -> Vec<u8> + Send + 'static) -> Fake {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = ServerAddr::from(listener.local_addr().expect("local address"));
    let (sender, queries) = channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Some(line) = read_query(&stream) else {
                continue;
            };
            let reply = respond(line.trim_end_matches(['\r', '\n']));
            let _ = stream.write_all(&reply);
            let _ = sender.send(line);
        }
    });
    Fake { addr, queries }
}

/// A server that always sends `reply`.
pub fn serve_text(reply: impl Into<Vec<u8>>) -> Fake {
    let reply = reply.into();
    serve(move |_| reply.clone())
}

/// A listener that accepts connections (the kernel completes the handshake) but never
/// reads or answers. Keep the listener alive for as long as it must stay silent.
pub fn silent() -> (TcpListener, ServerAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = ServerAddr::from(listener.local_addr().expect("local address"));
    (listener, addr)
}

/// An address on 127.0.0.1 where nothing listens.
pub fn closed_port() -> ServerAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    ServerAddr::from(listener.local_addr().expect("local address"))
}

fn read_query(stream: &TcpStream) -> Option<String> {
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).ok()?;
    Some(line)
}
