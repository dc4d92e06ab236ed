package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One file per transfer, named by its id, in one directory. Chunks are written in place
 * at their offset.
 */
final class DirectoryTransferStore implements TransferStore {

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	private final Path directory;

	public DirectoryTransferStore(Path directory) {
		try {
			this.directory = Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the transfers directory " + directory, ex);
		}
	}

	Path file(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a transfer id: " + id);
		}
		return this.directory.resolve(id);
	}

	@Override
	public WritableByteChannel writer(String id, long offset) throws IOException {
		FileChannel channel = FileChannel.open(file(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		channel.position(offset);
		return channel;
	}

	@Override
	public SeekableByteChannel reader(String id) throws IOException {
		return FileChannel.open(file(id), StandardOpenOption.READ);
	}

	@Override
	public Path localFile(String id) {
		return file(id);
	}

	@Override
	public void delete(String id) throws IOException {
		Files.deleteIfExists(file(id));
	}

	@Override
	public void deleteOrphans(Predicate<String> known, long olderThanMillis) throws IOException {
		long cutoff = System.currentTimeMillis() - olderThanMillis;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (ID.matcher(name).matches() && Files.getLastModifiedTime(file).toMillis() < cutoff
						&& !known.test(name)) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	@Override
	public String toString() {
		return "directory " + this.directory;
	}

}
