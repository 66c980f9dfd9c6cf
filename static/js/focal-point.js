// Admin: click on the preview of a picture to set its focal point.
document.addEventListener("DOMContentLoaded", () => {
  const picture = document.querySelector("img.focal-point-picker");
  const x = document.getElementById("id_focal_x");
  const y = document.getElementById("id_focal_y");
  if (!picture || !x || !y) return;
  picture.style.cursor = "crosshair";
  picture.addEventListener("click", (event) => {
    const box = picture.getBoundingClientRect();
    x.value = Math.round(((event.clientX - box.left) / box.width) * 100);
    y.value = Math.round(((event.clientY - box.top) / box.height) * 100);
  });
});
