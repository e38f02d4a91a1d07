/** How to check the log outside the system: export, then the one-file verifier (docs/verifier.md). */
export function VerifierHelp() {
  return (
    <section className="card stack verifier-help" aria-labelledby="verifier-title">
      <h2 id="verifier-title">Tự kiểm tra bên ngoài hệ thống</h2>
      <p>
        Không cần tin vào máy chủ này: một bản xuất nhật ký có thể được kiểm tra trên máy bất kỳ có Node.js, không cần
        cơ sở dữ liệu hay mã nguồn của hệ thống.
      </p>
      <ol>
        <li>Tải về các niêm phong ở trên và cất ở nơi khác (thư điện tử, ổ đĩa riêng của đơn vị kiểm tra).</li>
        <li>
          Quản trị viên xuất nhật ký (mỗi dòng một sự kiện kèm mã băm, và các niêm phong phủ khoảng đó):{' '}
          <code>npm run dossier -- export --from P --to Q &gt; nhat-ky.ndjson</code>
        </li>
        <li>
          Chép tệp <code>tools/verify-export.mjs</code> (một tệp, chỉ dùng thư viện chuẩn của Node.js) vào một thư mục
          trống cùng bản xuất, rồi chạy: <code>node verify-export.mjs nhat-ky.ndjson</code>
        </li>
        <li>
          Kết quả «INTACT» nghĩa là mọi mã băm, chuỗi liên kết và niêm phong đều khớp; chỉ cần sửa một byte, công cụ báo
          «BROKEN» và nêu sự kiện bị sửa. Đối chiếu mã băm niêm phong với bản đã cất để chắc chắn niêm phong không bị
          thay.
        </li>
      </ol>
      <p className="muted">
        Hướng dẫn đầy đủ: <code>docs/verifier.md</code> trong mã nguồn của hệ thống.
      </p>
    </section>
  );
}
