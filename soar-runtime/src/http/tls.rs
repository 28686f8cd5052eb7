//! The TLS settings: which server certificates the client trusts.

use std::path::Path;

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use super::error::HttpError;

/// The TLS configuration for `verify_server_cert` and the CA bundle (`REQUESTS_CA_BUNDLE`).
///
/// Without verification nothing is checked and the bundle is not read. With a bundle, its
/// certificates are the whole trust store, as in Python `requests`; without one, the Mozilla
/// roots compiled in (`webpki-roots`).
pub(crate) fn tls_config(verify: bool, ca_bundle: Option<&Path>) -> Result<TlsConfig, HttpError> {
    let builder = TlsConfig::builder();
    let builder = match (verify, ca_bundle) {
        (false, _) => builder.disable_verification(true),
        (true, Some(path)) => builder.root_certs(RootCerts::new_with_certs(&read_bundle(path)?)),
        (true, None) => builder.root_certs(RootCerts::WebPki),
    };
    Ok(builder.build())
}

/// The certificates of a PEM bundle; other PEM items (keys) are skipped.
fn read_bundle(path: &Path) -> Result<Vec<Certificate<'static>>, HttpError> {
    let shown = path.display();
    let pem = std::fs::read(path).map_err(|error| {
        HttpError::config(format!("cannot read the CA bundle {shown}: {error}"))
    })?;
    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(error) => {
                return Err(HttpError::config(format!(
                    "the CA bundle {shown} is not valid PEM: {error}"
                )));
            }
        }
    }
    if certificates.is_empty() {
        return Err(HttpError::config(format!(
            "the CA bundle {shown} holds no certificate"
        )));
    }
    Ok(certificates)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn a_missing_bundle_is_an_error_naming_the_path() {
        let error = tls_config(true, Some(Path::new("/nonexistent/ca.pem"))).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("cannot read the CA bundle /nonexistent/ca.pem: "),
            "{error}"
        );
    }

    #[test]
    fn a_bundle_without_certificates_is_an_error_naming_the_path() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"no certificates here\n").unwrap();
        let error = tls_config(true, Some(file.path())).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "the CA bundle {} holds no certificate",
                file.path().display()
            )
        );
    }

    #[test]
    fn without_verification_the_bundle_is_not_read() {
        let config = tls_config(false, Some(Path::new("/nonexistent/ca.pem"))).unwrap();
        assert!(config.disable_verification());
    }
}
