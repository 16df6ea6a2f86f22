/** Why a file was not read, in words. */
export function unreadableMessage(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EOUTSIDE':
      return 'Not read: it is a link to a file outside the audited directory';
    case 'ENOTREG':
      return 'Not read: not a regular file (a FIFO, socket, device or directory)';
    case 'EFBIG':
      return `Not read: ${error.message}`;
    case 'EACCES':
    case 'EPERM':
      return 'Cannot read file: permission denied';
    default:
      return `Cannot read file: ${error.code ?? error.message}`;
  }
}
