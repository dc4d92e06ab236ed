/**
 * X.509 certificates: a tool (API and command line) that creates a CA, server and client certificates and CRLs, PEM and key-store helpers for TLS, and {@link dev.rpcadapter.security.cert.CertificateIdentity} which reads the caller's roles from a client certificate.
 */
@NullMarked
package dev.rpcadapter.security.cert;

import org.jspecify.annotations.NullMarked;
