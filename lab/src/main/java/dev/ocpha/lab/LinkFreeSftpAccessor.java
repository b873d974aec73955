package dev.ocpha.lab;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * SFTP on a lab host never passes through a symbolic link. The SFTP server runs in the lab's JVM on the real
 * filesystem, where a link the host made (say {@code /root/x -> /etc}) would point at the machine's own files, not the
 * host's; commands, which see the host's view, are the way to follow links. Every path an SFTP request names is
 * refused when one of its existing components is a link.
 */
final class LinkFreeSftpAccessor implements SftpFileSystemAccessor {

    @Override
    public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath) throws IOException {
        Path path = SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
        Path absolute = path.toAbsolutePath().normalize();
        Path prefix = absolute.getRoot();
        for (Path name : absolute) {
            prefix = prefix.resolve(name);
            if (Files.isSymbolicLink(prefix)) {
                throw new AccessDeniedException(remotePath, null, prefix + " is a symbolic link; the lab's SFTP does "
                        + "not follow links (they would lead out of the host), use a command on the host instead");
            }
        }
        return path;
    }
}
