package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A completed upload (or a job artifact). Declare a command parameter of this type to
 * receive a file: the caller passes the {@code transfer_id} string of an upload it
 * completed, and the parameter's schema is a string of format {@value #SCHEMA_FORMAT}.
 */
public interface TransferRef {

	/** The JSON Schema {@code format} of a transfer id parameter. */
	String SCHEMA_FORMAT = "transfer-id";

	/** The transfer id. */
	String id();

	/** The file name the uploader gave. */
	String name();

	/** The size in bytes. */
	long size();

	/** The SHA-256 of the content, lower-case hex. */
	String sha256();

	/** The local file that holds the content; read it, never change it. */
	Path path();

	/** A new stream over the content; the caller closes it. */
	InputStream open() throws IOException;

}
