/// Shared files and images in the window (wire protocol v2, "Files and images"): what the user
/// attaches, drops or pastes becomes uploads and shares ([SharedFiles]); a shared file shows as
/// a thumbnail or a card ([FileViews]); every transfer has progress, speed, Cancel and Retry
/// ([Transfer], [TransferRow]); downloads land in the Downloads folder under a free name
/// ([DownloadFolder]).
package dev.parley.ui.files;
