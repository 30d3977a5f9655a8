// Finding panels whose contents run past their right edge.
#include "layout_check.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace sofs::ui {

std::vector<std::string> panels_running_over(float tolerance_px) {
    std::vector<std::string> out;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiWindow* w : g.Windows) {
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) || (w->Flags & ImGuiWindowFlags_Tooltip))
            continue;
        // The widest thing drawn, against the panel's inner right edge.
        float inner_right = w->InnerRect.Max.x;
        float content_right = w->DC.CursorMaxPos.x;
        float over = content_right - inner_right;
        if (over > tolerance_px) {
            std::string name = w->Name;
            // ImGui names child windows "parent/child_id"; keep the readable ends.
            if (auto p = name.rfind("###"); p != std::string::npos) name = name.substr(p + 3);
            out.push_back("panel '" + name + "' runs " + std::to_string(static_cast<int>(over)) + " px past its right edge");
        }
    }
    return out;
}

}  // namespace sofs::ui
