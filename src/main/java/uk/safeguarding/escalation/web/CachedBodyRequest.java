package uk.safeguarding.escalation.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body a filter has already read and inspected, readable again by the API behind it. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  /** The part of the body not read yet (a large upload inspected only at its start), or null. */
  private final InputStream rest;

  public CachedBodyRequest(HttpServletRequest request, byte[] body) {
    this(request, body, null);
  }

  /** A body of which a filter read only the start ({@code body}); the remainder still comes from {@code rest}. */
  public CachedBodyRequest(HttpServletRequest request, byte[] body, InputStream rest) {
    super(request);
    this.body = body;
    this.rest = rest;
  }

  @Override
  public ServletInputStream getInputStream() {
    InputStream in = rest == null ? new ByteArrayInputStream(body)
        : new SequenceInputStream(new ByteArrayInputStream(body), rest);
    return new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        int b = in.read();
        finished = b < 0;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        finished = n < 0;
        return n;
      }

      @Override
      public boolean isFinished() {
        try {
          return rest == null ? in.available() == 0 : finished;
        } catch (IOException e) {
          return true;
        }
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return rest == null ? body.length : super.getContentLength();
  }

  @Override
  public long getContentLengthLong() {
    return rest == null ? body.length : super.getContentLengthLong();
  }
}
