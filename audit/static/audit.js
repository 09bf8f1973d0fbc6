// Show the server's one-line message when an htmx request fails (htmx does not swap 4xx/5xx).
// Text only: the message is read with textContent and written with textContent.
document.addEventListener("DOMContentLoaded", function () {
  function show(text) {
    var box = document.getElementById("messages");
    if (!box) { return; }
    var line = document.createElement("p");
    line.className = "flash error-message";
    line.textContent = text;
    box.replaceChildren(line);
  }
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var page = new DOMParser().parseFromString(xhr.responseText, "text/html");
    var message = page.querySelector(".error-message");
    show(message ? message.textContent : "请求失败 request failed (" + xhr.status + ")");
  });
  document.body.addEventListener("htmx:sendError", function () {
    show("无法连接服务器 cannot reach the server");
  });
});
