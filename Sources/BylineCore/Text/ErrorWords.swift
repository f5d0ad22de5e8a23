import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The cause of a Foundation error in words ("permission denied", "no space left on device"),
/// never `NSCocoaErrorDomain error 512`: messages name what a user can act on.
public enum ErrorWords {
  /// What went wrong, lowercase, without a trailing full stop.
  public static func describe(_ error: any Error) -> String {
    let error = error as NSError
    // The operating system's reason, when Foundation wrapped one.
    if let errno = posixCode(error) { return posixWords(errno) }
    if error.domain == NSCocoaErrorDomain {
      switch error.code {
      case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
      case NSFileReadInvalidFileNameError, NSFileWriteInvalidFileNameError: return "invalid file name"
      case NSFileReadTooLargeError: return "the file is too large"
      case NSFileReadInapplicableStringEncodingError, NSFileReadCorruptFileError:
        return "not readable as UTF-8 text"
      case NSFileWriteOutOfSpaceError: return "no space left on the device"
      case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
      case NSFileWriteFileExistsError: return "a file of that name is in the way"
      case NSFileReadUnknownError: return "the file could not be read"
      case NSFileWriteUnknownError: return "the file could not be written (is its folder missing or read-only?)"
      default: break
      }
    }
    return "unexpected error (\(error.domain) \(error.code))"
  }

  /// `strerror`'s words for an errno, lowercased at the start ("no such file or directory").
  public static func posixWords(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    guard let first = text.first else { return "error \(code)" }
    return first.lowercased() + text.dropFirst()
  }

  private static func posixCode(_ error: NSError) -> Int32? {
    if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
      return posixCode(underlying)
    }
    return nil
  }
}
