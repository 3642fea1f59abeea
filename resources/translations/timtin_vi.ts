<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>FilterBar</name>
    <message>
        <source>Any time</source>
        <translation>Mọi lúc</translation>
    </message>
    <message>
        <source>Past 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>Date range…</source>
        <translation>Khoảng ngày…</translation>
    </message>
    <message>
        <source>Only documents dated in this period</source>
        <translation>Chỉ tài liệu có ngày trong khoảng này</translation>
    </message>
    <message>
        <source>From this date</source>
        <translation>Từ ngày này</translation>
    </message>
    <message>
        <source>Up to this date</source>
        <translation>Đến ngày này</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>Mọi thư mục</translation>
    </message>
    <message>
        <source>Only documents in this folder</source>
        <translation>Chỉ tài liệu trong thư mục này</translation>
    </message>
    <message>
        <source>All file types</source>
        <translation>Mọi loại tệp</translation>
    </message>
    <message>
        <source>Only files of this type</source>
        <translation>Chỉ tệp thuộc loại này</translation>
    </message>
</context>
<context>
    <name>FoldersDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Pause Watching</source>
        <translation>Tạm &amp;dừng theo dõi</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Gỡ bỏ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Thất bại: %1</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
    <message numerus="yes">
        <source>Its %n document(s) will leave the index. The files themselves stay where they are.</source>
        <translation>
            <numerusform>%n tài liệu của thư mục sẽ rời khỏi chỉ mục. Bản thân các tệp vẫn ở nguyên chỗ cũ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last Update</source>
        <translation>Cập nhật lần cuối</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Chưa bao giờ</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Không theo dõi</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Re-&amp;index</source>
        <translation>&amp;Lập chỉ mục lại</translation>
    </message>
    <message>
        <source>Re-indexed %1: %2 added, %3 updated, %4 removed.</source>
        <translation>Đã lập chỉ mục lại %1: thêm %2, cập nhật %3, xoá %4.</translation>
    </message>
    <message>
        <source>Re-indexing %1…</source>
        <translation>Đang lập chỉ mục lại %1…</translation>
    </message>
    <message>
        <source>Re-indexing %1… %2 / %3</source>
        <translation>Đang lập chỉ mục lại %1… %2 / %3</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Remove %1 from the index?</source>
        <translation>Gỡ %1 khỏi chỉ mục?</translation>
    </message>
    <message>
        <source>Remove Folder</source>
        <translation>Gỡ thư mục</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: %n document(s) left the index.</source>
        <translation>
            <numerusform>Đã gỡ %1: %n tài liệu đã rời khỏi chỉ mục.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Đang gỡ %1…</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching</source>
        <translation>Tiếp tục theo &amp;dõi</translation>
    </message>
    <message>
        <source>Rescanned: %1</source>
        <translation>Quét lại định kỳ: %1</translation>
    </message>
    <message>
        <source>Stopped; what was done so far is kept.</source>
        <translation>Đã dừng; phần đã làm được giữ lại.</translation>
    </message>
    <message>
        <source>The folders Tìm Tin searches. Their changes are watched and indexed as they happen; a paused folder keeps its documents as they are.</source>
        <translation>Các thư mục Tìm Tin tìm trong đó. Thay đổi được theo dõi và lập chỉ mục ngay khi xảy ra; thư mục tạm dừng giữ nguyên tài liệu như hiện có.</translation>
    </message>
    <message>
        <source>Waiting for another indexing run…</source>
        <translation>Đang chờ một lượt lập chỉ mục khác…</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Đang theo dõi</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Theo dõi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>Đã xảy ra lỗi: %1. Chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <source>Match accents</source>
        <translation>Khớp dấu</translation>
    </message>
    <message>
        <source>The index at %1 could not be opened (%2). Use File → Re-index to rebuild it.</source>
        <translation>Không mở được chỉ mục tại %1 (%2). Chọn Tệp → Lập chỉ mục lại để dựng lại.</translation>
    </message>
    <message>
        <source>The index was made by another version or was damaged; rebuilding it.</source>
        <translation>Chỉ mục được tạo bởi phiên bản khác hoặc đã hỏng; đang dựng lại.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Tìm kiếm thất bại</translation>
    </message>
    <message>
        <source>The search could not be completed: %1</source>
        <translation>Không thể hoàn tất tìm kiếm: %1</translation>
    </message>
    <message>
        <source>Loading more results…</source>
        <translation>Đang tải thêm kết quả…</translation>
    </message>
    <message numerus="yes">
        <source>Show more (%1 of %n)</source>
        <translation>
            <numerusform>Xem thêm (%1 trên %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show more (%1 of at least %n)</source>
        <translation>
            <numerusform>Xem thêm (%1 trên ít nhất %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>× Show every form</source>
        <translation>× bỏ lọc</translation>
    </message>
    <message>
        <source>Only the accents chosen. %1</source>
        <translation>Chỉ dạng có dấu đã chọn. %1</translation>
    </message>
    <message>
        <source>Showing results for %1</source>
        <translation>Đang hiện kết quả cho %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Có phải bạn muốn tìm %1?</translation>
    </message>
    <message>
        <source>This document could not be opened: %1</source>
        <translation>Không mở được tài liệu này: %1</translation>
    </message>
    <message>
        <source>Building the index…</source>
        <translation>Đang lập chỉ mục…</translation>
    </message>
    <message>
        <source>The first start reads the bundled articles. This takes a moment.</source>
        <translation>Lần chạy đầu tiên đọc các bài viết có sẵn. Việc này mất một lát.</translation>
    </message>
    <message numerus="yes">
        <source>Search %n document(s)</source>
        <translation>
            <numerusform>Tìm trong %n tài liệu</numerusform>
        </translation>
    </message>
    <message>
        <source>Type words with or without accents: &lt;i&gt;chu tich nuoc&lt;/i&gt; finds &lt;i&gt;Chủ tịch nước&lt;/i&gt;.</source>
        <translation>Gõ từ có dấu hoặc không dấu: &lt;i&gt;chu tich nuoc&lt;/i&gt; tìm được &lt;i&gt;Chủ tịch nước&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>No results for “%1”</source>
        <translation>Không có kết quả cho “%1”</translation>
    </message>
    <message>
        <source>Try fewer words, or type them without accents.</source>
        <translation>Hãy thử bớt từ, hoặc gõ không dấu.</translation>
    </message>
    <message>
        <source>Turn off Match accents</source>
        <translation>Tắt Khớp dấu</translation>
    </message>
    <message numerus="yes">
        <source>%1 of at least %n result(s) · %2 ms</source>
        <translation>
            <numerusform>%1 / ít nhất %n kết quả · %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n result(s) · %2 ms</source>
        <translation>
            <numerusform>%1 / %n kết quả · %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) · %1 ms</source>
        <translation>
            <numerusform>%n kết quả · %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a folder of .txt files</source>
        <translation>Thêm thư mục chứa tệp .txt</translation>
    </message>
    <message>
        <source>Indexing is already running.</source>
        <translation>Đang lập chỉ mục rồi.</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Đang lập chỉ mục…</translation>
    </message>
    <message>
        <source>Waiting for another indexing run…</source>
        <translation>Đang chờ một lượt lập chỉ mục khác…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <source>Indexing cancelled; what was indexed so far is kept.</source>
        <translation>Đã huỷ lập chỉ mục; phần đã lập vẫn được giữ.</translation>
    </message>
    <message>
        <source>Index updated: %1 added, %2 updated, %3 removed.</source>
        <translation>Đã cập nhật chỉ mục: thêm %1, cập nhật %2, xoá %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>Không đọc được %n tệp nên đã bỏ qua.</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>Lập chỉ mục thất bại: %1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>The index could not be reopened: %1</source>
        <translation>Không mở lại được chỉ mục: %1</translation>
    </message>
    <message>
        <source>Search — type with or without accents</source>
        <translation>Tìm kiếm — gõ có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Only find words written with exactly these accents (ca finds ca, not cá)</source>
        <translation>Chỉ tìm từ viết đúng dấu như đã gõ (ca tìm ca, không tìm cá)</translation>
    </message>
    <message>
        <source>Most relevant</source>
        <translation>Liên quan nhất</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <source>By file name</source>
        <translation>Theo tên tệp</translation>
    </message>
    <message>
        <source>Sort results</source>
        <translation>Sắp xếp kết quả</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Accented forms:</source>
        <translation>Dạng có dấu:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Kết quả</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>&amp;Thêm thư mục…</translation>
    </message>
    <message>
        <source>&amp;Re-index</source>
        <translation>&amp;Lập chỉ mục lại</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <source>&amp;Next Match</source>
        <translation>Chỗ khớp &amp;tiếp theo</translation>
    </message>
    <message>
        <source>&amp;Previous Match</source>
        <translation>Chỗ khớp &amp;trước</translation>
    </message>
    <message>
        <source>&amp;Match Accents</source>
        <translation>&amp;Khớp dấu</translation>
    </message>
    <message>
        <source>&amp;Clear Search</source>
        <translation>&amp;Xóa ô tìm kiếm</translation>
    </message>
    <message>
        <source>Clear Search &amp;History</source>
        <translation>Xóa &amp;lịch sử tìm kiếm</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>Search &amp;Syntax</source>
        <translation>&amp;Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Cỡ gốc</translation>
    </message>
    <message>
        <source>&amp;About Tìm Tin</source>
        <translation>&amp;Giới thiệu Tìm Tin</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>Ngôn ngữ của &amp;hệ thống</translation>
    </message>
    <message>
        <source>Offline full-text search and reading for Vietnamese text.</source>
        <translation>Tìm kiếm toàn văn và đọc văn bản tiếng Việt, không cần mạng.</translation>
    </message>
    <message>
        <source>Index location:</source>
        <translation>Vị trí chỉ mục:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Số tài liệu:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>Be Vietnam Pro font</source>
        <translation>Phông chữ Be Vietnam Pro</translation>
    </message>
    <message>
        <source>About Tìm Tin</source>
        <translation>Giới thiệu Tìm Tin</translation>
    </message>
    <message>
        <source>Move through the results from the search field</source>
        <translation>Di chuyển giữa các kết quả từ ô tìm kiếm</translation>
    </message>
    <message>
        <source>Recent searches (in an empty search field)</source>
        <translation>Các lần tìm gần đây (khi ô tìm kiếm trống)</translation>
    </message>
    <message>
        <source>Search now, or read the selected result</source>
        <translation>Tìm ngay, hoặc đọc kết quả đang chọn</translation>
    </message>
    <message>
        <source>The result&apos;s menu</source>
        <translation>Menu của kết quả</translation>
    </message>
    <message>
        <source>Right click</source>
        <translation>Nhấp chuột phải</translation>
    </message>
    <message>
        <source>Every word, with or without accents (AND)</source>
        <translation>Mọi từ, có dấu hoặc không dấu (VÀ)</translation>
    </message>
    <message>
        <source>The same, the forms typed ranked first</source>
        <translation>Như trên, dạng gõ đúng dấu xếp trước</translation>
    </message>
    <message>
        <source>Either word</source>
        <translation>Một trong hai từ</translation>
    </message>
    <message>
        <source>Without the second word</source>
        <translation>Không có từ thứ hai</translation>
    </message>
    <message>
        <source>The words side by side, in this order</source>
        <translation>Các từ liền nhau, đúng thứ tự này</translation>
    </message>
    <message>
        <source>Words starting with chu</source>
        <translation>Các từ bắt đầu bằng chu</translation>
    </message>
    <message>
        <source>This one word with exactly these accents</source>
        <translation>Đúng từ này với đúng các dấu này</translation>
    </message>
    <message>
        <source>The word in the title</source>
        <translation>Từ nằm trong tiêu đề</translation>
    </message>
    <message>
        <source>Documents dated 2025 (or 2025-10, 2025-10-26)</source>
        <translation>Tài liệu có ngày trong năm 2025 (hoặc 2025-10, 2025-10-26)</translation>
    </message>
    <message>
        <source>Documents dated in a range</source>
        <translation>Tài liệu có ngày trong khoảng</translation>
    </message>
    <message>
        <source>Documents in that folder</source>
        <translation>Tài liệu trong thư mục đó</translation>
    </message>
    <message>
        <source>Documents of one file type (txt, pdf, docx…)</source>
        <translation>Tài liệu thuộc một loại tệp (txt, pdf, docx…)</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <source>Operators combine: nga title:moscow -my. Telex typed without an input method (vieejt nam) is read as Vietnamese.</source>
        <translation>Có thể kết hợp các toán tử: nga title:moscow -my. Gõ Telex khi không bật bộ gõ (vieejt nam) vẫn được hiểu là tiếng Việt.</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>Đọ&amp;c</translation>
    </message>
    <message>
        <source>&amp;Open Original</source>
        <translation>&amp;Mở bản gốc</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Hiện trong &amp;thư mục</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>Sao chép đường &amp;dẫn</translation>
    </message>
    <message>
        <source>Copy P&amp;assage</source>
        <translation>Sao chép đoạn &amp;trích</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n nữa</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;Add your own folder&lt;/a&gt;: File → Folders… or drag a folder onto the window.</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;Thêm thư mục của bạn&lt;/a&gt;: Tệp → Thư mục… hoặc kéo thư mục vào cửa sổ.</translation>
    </message>
    <message>
        <source>Changes indexed: %1 updated, %2 removed.</source>
        <translation>Đã lập chỉ mục thay đổi: cập nhật %1, xoá %2.</translation>
    </message>
    <message>
        <source>F&amp;olders…</source>
        <translation>Thư &amp;mục…</translation>
    </message>
    <message>
        <source>Not watching %1 (%2): it is rescanned every minute instead.</source>
        <translation>Không theo dõi được %1 (%2): thay vào đó quét lại mỗi phút.</translation>
    </message>
    <message>
        <source>This document was removed from the index.</source>
        <translation>Tài liệu này đã bị xoá khỏi chỉ mục.</translation>
    </message>
    <message>
        <source>Watching folders: %1</source>
        <translation>Theo dõi thư mục: %1</translation>
    </message>
    <message>
        <source>it is on a network drive</source>
        <translation>thư mục nằm trên ổ mạng</translation>
    </message>
    <message>
        <source>the folder is gone</source>
        <translation>thư mục không còn nữa</translation>
    </message>
    <message>
        <source>the system&apos;s limit on file watchers is reached (Linux: raise fs.inotify.max_user_instances)</source>
        <translation>đã chạm giới hạn số bộ theo dõi tệp của hệ thống (Linux: tăng fs.inotify.max_user_instances)</translation>
    </message>
    <message>
        <source>the system&apos;s limit on watched folders is reached (Linux: raise fs.inotify.max_user_watches)</source>
        <translation>đã chạm giới hạn số thư mục được theo dõi của hệ thống (Linux: tăng fs.inotify.max_user_watches)</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>read as %1</source>
        <translation>đọc theo mã %1</translation>
    </message>
    <message>
        <source>Previous part (%1 of %2)</source>
        <translation>Phần trước (%1 trên %2)</translation>
    </message>
    <message>
        <source>Next part (%1 of %2)</source>
        <translation>Phần sau (%1 trên %2)</translation>
    </message>
    <message>
        <source>Select a result to read it here.</source>
        <translation>Chọn một kết quả để đọc ở đây.</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Chỗ khớp trước (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Chỗ khớp tiếp theo (F3)</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>Mở bản gốc</translation>
    </message>
    <message>
        <source>Open the file in the program the system uses for its type</source>
        <translation>Mở tệp bằng chương trình hệ thống dùng cho loại tệp này</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>trang %1 trên %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <source>Previous part (%1 of %2)</source>
        <translation>Phần trước (%1 trên %2)</translation>
    </message>
    <message>
        <source>Next part (%1 of %2)</source>
        <translation>Phần tiếp theo (%1 trên %2)</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>page %1</source>
        <translation>trang %1</translation>
    </message>
</context>
</TS>
