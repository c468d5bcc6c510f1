//! The release binary itself, run as a process on loopback: as a self-hoster
//! starts it (`serve`), and under the attacks of the open internet (`hold`).
//!
//! One test binary for both, so that the project's tests link as few
//! binaries as they can (each costs a link of the whole program).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

mod hold;
mod serve;

/// The server process, killed if a check fails before it is stopped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server's environment cleared of every setting a developer's shell
/// may hold, so that only the test's arguments count.
const SETTINGS: &[&str] = &[
    "COUNTERPARTS_ARTICLES",
    "COUNTERPARTS_SUMMIT",
    "COUNTERPARTS_BIND",
    "COUNTERPARTS_CACHE_MB",
    "COUNTERPARTS_LOG_REQUESTS",
    "PORT",
    "RUST_LOG",
];

/// Starts `command` (which runs the server, on `--bind 127.0.0.1:0`) and
/// reads the address it prints on its first line of output.
fn start_server(mut command: Command) -> (Server, String) {
    for setting in SETTINGS {
        command.env_remove(setting);
    }
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .map(|rest| rest.trim().trim_end_matches('/').to_string())
        .unwrap_or_else(|| panic!("the server should print the address to open, printed {line:?}"));
    (server, addr)
}
