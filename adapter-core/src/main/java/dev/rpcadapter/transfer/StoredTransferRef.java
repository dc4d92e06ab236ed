package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;

/** A completed transfer handed to a command. */
record StoredTransferRef(TransferSession session, TransferStore store) implements TransferRef {

	@Override
	public String id() {
		return this.session.id();
	}

	@Override
	public String name() {
		return this.session.name();
	}

	@Override
	public long size() {
		return this.session.size();
	}

	@Override
	public String sha256() {
		return String.valueOf(this.session.sha256());
	}

	@Override
	public Path path() {
		Path file = this.store.localFile(id());
		if (file == null) {
			throw new IllegalStateException("The transfer store keeps no local file; use open()");
		}
		return file;
	}

	@Override
	public InputStream open() throws IOException {
		return Channels.newInputStream(this.store.reader(id()));
	}

	@Override
	public String toString() {
		return "TransferRef[" + id() + ", " + name() + ", " + size() + " bytes]";
	}
}
