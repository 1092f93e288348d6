package bj.gouv.masm.conventions;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The documents a dossier needs: everyone reads the list, DPAF or an administrator replaces it. */
@RestController
@RequestMapping("/api/reference/required-documents")
public class RequiredDocumentController {

    private final RequiredDocumentList documents;

    public RequiredDocumentController(RequiredDocumentList documents) {
        this.documents = documents;
    }

    @GetMapping
    public List<RequiredDocumentList.Document> list() {
        return documents.all();
    }

    @PutMapping
    public List<RequiredDocumentList.Document> replace(@RequestBody List<RequiredDocumentList.Document> list) {
        return documents.replace(list);
    }
}
