# serve_client.py: the HTTP client of tests/cli/serve.sh and tests/bench/serve.py (Python's http.client):
#   serve_client.py PORT METHOD PATH OUT [--body FILE] [--part NAME=FILE]... [-H 'Name: value']...
#           [--host VALUE] [--no-marker] [--chunked]
# sends one request to 127.0.0.1:PORT and writes the response body to OUT, its status and headers
# to OUT.head; prints the status.  POST requests carry X-Secannex-Request: 1 unless --no-marker.
import http.client
import sys
import uuid


def request(port, method, path, body=None, headers=None, host=None, marker=True, parts=None,
            timeout=60, chunked=False):
    """One request; returns (status, headers as a list of pairs, body bytes)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    hdrs = dict(headers or {})
    if parts:
        boundary = uuid.uuid4().hex
        chunks = []
        for name, data in parts:
            chunks.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s.xml\"\r\n"
                           "Content-Type: application/xml\r\n\r\n" % (boundary, name, name)).encode())
            chunks.append(data + b"\r\n")
        chunks.append(("--%s--\r\n" % boundary).encode())
        body = b"".join(chunks)
        hdrs["Content-Type"] = "multipart/form-data; boundary=%s" % boundary
    if method == "POST" and marker:
        hdrs.setdefault("X-Secannex-Request", "1")
    c.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        c.putheader("Host", host)
    for k, v in hdrs.items():
        c.putheader(k, v)
    if chunked:  # no Content-Length: the size is known only as the body arrives
        c.putheader("Transfer-Encoding", "chunked")
        data = body or b""
        body = b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + 65536]), data[i:i + 65536])
                        for i in range(0, len(data), 65536)) + b"0\r\n\r\n"
    else:
        c.putheader("Content-Length", str(len(body or b"")))
    try:
        c.endheaders(body or b"")
    except (BrokenPipeError, ConnectionResetError):
        pass  # refused before the whole body was read (413): the answer is waiting all the same
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, r.getheaders(), data


def main(argv):
    port, method, path, out = int(argv[1]), argv[2], argv[3], argv[4]
    body, parts, headers, host, marker, chunked = None, [], {}, None, True, False
    i = 5
    while i < len(argv):
        a = argv[i]
        if a == "--body":
            with open(argv[i + 1], "rb") as f:
                body = f.read()
            i += 2
        elif a == "--part":
            name, fn = argv[i + 1].split("=", 1)
            with open(fn, "rb") as f:
                parts.append((name, f.read()))
            i += 2
        elif a == "-H":
            k, v = argv[i + 1].split(":", 1)
            headers[k.strip()] = v.strip()
            i += 2
        elif a == "--host":
            host = argv[i + 1]
            i += 2
        elif a == "--chunked":
            chunked = True
            i += 1
        elif a == "--no-marker":
            marker = False
            i += 1
        else:
            print("serve_client.py: unknown argument %s" % a, file=sys.stderr)
            return 2
    status, hdrs, data = request(port, method, path, body, headers, host, marker, parts or None,
                                 chunked=chunked)
    with open(out, "wb") as f:
        f.write(data)
    with open(out + ".head", "w") as f:
        f.write("%d\n" % status)
        for k, v in hdrs:
            f.write("%s: %s\n" % (k, v))
    print(status)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
