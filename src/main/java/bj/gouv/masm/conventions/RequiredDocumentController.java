package bj.gouv.masm.conventions;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The documents a dossier needs: everyone reads the list, DPAF or an administrator replaces it. */
@RestController
@RequestMapping("/api/reference/required-documents")
@RequiredArgsConstructor
public class RequiredDocumentController {

    private final RequiredDocumentList documents;

    @GetMapping
    public List<RequiredDocumentList.Document> list() {
        return documents.all();
    }

    @PutMapping
    public List<RequiredDocumentList.Document> replace(@RequestBody List<RequiredDocumentList.Document> list) {
        return documents.replace(list);
    }
}
